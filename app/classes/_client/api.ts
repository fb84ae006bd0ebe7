// The browser side of the classes and assignments API (see app/_components/api-call.ts).
import { apiCall, jsonRequest, type ApiFailure } from "../../_components/api-call";

export type ApiResult = { ok: true; data: unknown } | ApiFailure;

export function callApi(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<ApiResult> {
  return apiCall(url, jsonRequest(method, body));
}

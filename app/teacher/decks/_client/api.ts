// The browser side of the deck authoring API: JSON or a file upload (see app/_components/api-call.ts).
import { apiCall, jsonRequest, type ApiFailure } from "../../../_components/api-call";

export type Result<T> = { ok: true; data: T } | ApiFailure;

async function send<T>(url: string, init: Parameters<typeof apiCall>[1]): Promise<Result<T>> {
  const res = await apiCall(url, init);
  return res.ok ? { ok: true, data: res.data as T } : res;
}

export function sendJson<T>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<Result<T>> {
  return send<T>(url, jsonRequest(method, body));
}

export function sendFile<T>(url: string, file: File): Promise<Result<T>> {
  const form = new FormData();
  form.set("file", file);
  return send<T>(url, { method: "POST", body: form });
}

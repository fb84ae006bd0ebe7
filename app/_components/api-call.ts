// The browser's one way to call the JSON API: the parsed body on success; on a refusal the
// server's own message and field messages (so the page and the API never disagree about
// what is allowed); a plain message when the server cannot be reached. (The review page's
// outbox has its own, throwing client: app/review/_client/api.ts.)
import { errorBodySchema } from "@/lib/api/errors";

export const OFFLINE_MESSAGE = "Could not reach the server. Check your connection and try again.";

export type ApiFailure = { ok: false; status: number; message: string; fields: Record<string, string> };
/** `sentAt`/`receivedAt` (ms, client clock) let a page correct for latency, as the quiz clock does. */
export type ApiSuccess = { ok: true; status: number; data: unknown; sentAt: number; receivedAt: number };

type Init = { method?: string; headers?: Record<string, string>; body?: BodyInit };

export async function apiCall(url: string, init: Init = {}): Promise<ApiSuccess | ApiFailure> {
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(url, { ...init, cache: "no-store", headers: { Accept: "application/json", ...init.headers } });
  } catch {
    return { ok: false, status: 0, message: OFFLINE_MESSAGE, fields: {} };
  }
  const receivedAt = Date.now();
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, data, sentAt, receivedAt };
  const err = errorBodySchema.safeParse(data);
  return { ok: false, status: res.status, message: err.data?.error.message ?? `The server answered ${res.status}. Please try again.`, fields: err.data?.fields ?? {} };
}

/** A request with a JSON body (none when `body` is undefined). */
export function jsonRequest(method: string, body?: unknown): Init {
  return body === undefined ? { method } : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

export type ApiResult = { ok: true; data: unknown } | ApiFailure;

/** A JSON call that changes something (the classes, assignments and settings pages). */
export function callApi(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<ApiResult> {
  return apiCall(url, jsonRequest(method, body));
}

/** For a confirm dialog: the server's message when it refused the call, else runs `then` (a refresh, a navigation). */
export async function refusalOr(call: Promise<ApiResult>, then: () => void): Promise<string | undefined> {
  const res = await call;
  if (!res.ok) return res.message;
  then();
  return undefined;
}

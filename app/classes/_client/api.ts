// The browser side of the classes and assignments API: one call, and the server's own
// message when it refuses (so the page and the API never disagree about what is allowed).
import { errorBodySchema } from "@/lib/api/errors";

export type ApiResult = { ok: true; data: unknown } | { ok: false; status: number; message: string; fields: Record<string, string> };

export async function callApi(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<ApiResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again.", fields: {} };
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data };
  const parsed = errorBodySchema.safeParse(data);
  return {
    ok: false,
    status: res.status,
    message: parsed.data?.error.message ?? `The server answered ${res.status}. Please try again.`,
    fields: parsed.data?.fields ?? {},
  };
}

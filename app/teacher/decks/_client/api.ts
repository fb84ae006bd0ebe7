// The browser side of the deck authoring API: JSON or a file upload, and the server's
// own message when it refuses. (A sibling of app/classes/_client/api.ts that also sends
// multipart uploads.)
import { errorBodySchema } from "@/lib/api/errors";

export type Result<T> = { ok: true; data: T } | { ok: false; message: string };

async function send<T>(url: string, init: RequestInit): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: data as T };
  return { ok: false, message: errorBodySchema.safeParse(data).data?.error.message ?? `The server answered ${res.status}. Please try again.` };
}

export function sendJson<T>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<Result<T>> {
  return send<T>(url, body === undefined ? { method } : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

export function sendFile<T>(url: string, file: File): Promise<Result<T>> {
  const form = new FormData();
  form.set("file", file);
  return send<T>(url, { method: "POST", body: form });
}

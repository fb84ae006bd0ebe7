// The quiz pages' calls to the JSON API. Responses are parsed with the schemas the route
// handlers use (lib/api/quiz.ts); a refusal carries the server's own message.
import { z } from "zod";
import { errorBodySchema } from "@/lib/api/errors";
import { attemptSchema, resultSchema, type AttemptDto, type CreateAttempt, type ResultDto } from "@/lib/api/quiz";

export type Outcome<T> =
  | { ok: true; data: T; sentAt: number; receivedAt: number }
  | { ok: false; status: number; message: string; fields: Record<string, string> };

export const OFFLINE_MESSAGE = "Could not reach the server. Check your connection and try again.";

async function call<S extends z.ZodType>(url: string, schema: S, method: "GET" | "POST" = "GET", body?: unknown): Promise<Outcome<z.infer<S>>> {
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      cache: "no-store",
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: OFFLINE_MESSAGE, fields: {} };
  }
  const receivedAt = Date.now();
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = errorBodySchema.safeParse(data);
    return { ok: false, status: res.status, message: err.data?.error.message ?? `The server answered ${res.status}. Please try again.`, fields: err.data?.fields ?? {} };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, status: res.status, message: "The server's answer was not understood. Please reload the page.", fields: {} };
  return { ok: true, data: parsed.data, sentAt, receivedAt };
}

const attemptResponse = z.object({ attempt: attemptSchema });
const resultsResponse = z.object({ results: resultSchema });
const acceptedResponse = z.object({ accepted: z.literal(true) });

const base = (id: string) => `/api/quiz/attempts/${encodeURIComponent(id)}`;

export async function createAttempt(body: CreateAttempt): Promise<Outcome<AttemptDto>> {
  const out = await call("/api/quiz/attempts", attemptResponse, "POST", body);
  return out.ok ? { ...out, data: out.data.attempt } : out;
}

export async function fetchAttempt(id: string): Promise<Outcome<AttemptDto>> {
  const out = await call(base(id), attemptResponse);
  return out.ok ? { ...out, data: out.data.attempt } : out;
}

export function sendAnswer(id: string, questionId: string, answer: unknown): Promise<Outcome<{ accepted: true }>> {
  return call(`${base(id)}/answers`, acceptedResponse, "POST", { questionId, answer });
}

export async function submitAttempt(id: string): Promise<Outcome<ResultDto>> {
  const out = await call(`${base(id)}/submit`, resultsResponse, "POST", {});
  return out.ok ? { ...out, data: out.data.results } : out;
}

// The quiz pages' calls to the JSON API. Responses are parsed with the schemas the route
// handlers use (lib/api/quiz.ts); a refusal carries the server's own message.
import { z } from "zod";
import { apiCall, jsonRequest, type ApiFailure } from "../../_components/api-call";
import { attemptSchema, resultSchema, type AttemptDto, type CreateAttempt, type ResultDto } from "@/lib/api/quiz";

export type Outcome<T> = { ok: true; data: T; sentAt: number; receivedAt: number } | ApiFailure;

async function call<S extends z.ZodType>(url: string, schema: S, method: "GET" | "POST" = "GET", body?: unknown): Promise<Outcome<z.infer<S>>> {
  const res = await apiCall(url, jsonRequest(method, body));
  if (!res.ok) return res;
  const parsed = schema.safeParse(res.data);
  if (!parsed.success) return { ok: false, status: res.status, message: "The server's answer was not understood. Please reload the page.", fields: {} };
  return { ok: true, data: parsed.data, sentAt: res.sentAt, receivedAt: res.receivedAt };
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

// The review page's calls to the JSON API. Responses are parsed with the same zod
// schemas the route handlers use, so a contract drift fails loudly here, not as
// `undefined` deep inside the UI.
import { z } from "zod";
import { errorBodySchema } from "@/lib/api/errors";
import { gradeResponseSchema, queueResponseSchema, undoResponseSchema, type GradeRequest, type QueueResponse, type UndoResponse } from "@/lib/api/review";
import type { OutboxEntry, SendOutcome } from "./outbox";

/** A request that failed; `status` is null when the server was not reached. */
export class RequestFailed extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

const OFFLINE_MESSAGE = "You seem to be offline.";

async function errorMessage(res: Response): Promise<string> {
  const body = errorBodySchema.safeParse(await res.json().catch(() => null));
  return body.success ? body.data.error.message : `The server answered ${res.status}.`;
}

async function call(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { cache: "no-store", ...init, headers: { Accept: "application/json", ...init?.headers } });
  } catch {
    throw new RequestFailed(null, OFFLINE_MESSAGE);
  }
}

async function okJson<S extends z.ZodType>(res: Response, schema: S): Promise<z.infer<S>> {
  if (!res.ok) throw new RequestFailed(res.status, await errorMessage(res));
  const parsed = schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new RequestFailed(res.status, "The server's answer was not understood. Please reload the page.");
  return parsed.data;
}

export async function fetchQueue(deckId: string | undefined, limit: number): Promise<QueueResponse> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (deckId) query.set("deck", deckId);
  return okJson(await call(`/api/review/queue?${query}`), queueResponseSchema);
}

const conflictSchema = z.object({ current: z.object({ version: z.number().int() }) });

/** Sends one grade and classifies the answer for the outbox; never throws. */
export async function sendGrade(entry: OutboxEntry): Promise<SendOutcome> {
  const body: GradeRequest = {
    cardId: entry.cardId,
    rating: entry.rating,
    idempotencyKey: entry.id,
    durationMs: entry.durationMs,
    expectedVersion: entry.expectedVersion,
  };
  let res: Response;
  try {
    res = await call("/api/review/grade", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { kind: "retry", reason: "network", message: OFFLINE_MESSAGE };
  }
  if (res.ok) {
    const parsed = gradeResponseSchema.safeParse(await res.json().catch(() => null));
    // A 2xx means the server applied the grade, even if its body is odd: don't send it twice.
    return { kind: "saved", version: parsed.success ? parsed.data.version : entry.expectedVersion + 1 };
  }
  if (res.status === 401) return { kind: "unauthenticated", message: await errorMessage(res) };
  // 408 and 429 are "not now", not "never"; 5xx are the server's problem.
  if (res.status >= 500 || res.status === 408 || res.status === 429) {
    return { kind: "retry", reason: "server", message: await errorMessage(res) };
  }
  const raw: unknown = await res.json().catch(() => null);
  const message = errorBodySchema.safeParse(raw).data?.error.message ?? `The server answered ${res.status}.`;
  if (res.status === 409) {
    // Only a 409 that carries the card's current state is "graded elsewhere"; others (a
    // retired card, a reused key) are plain refusals.
    const conflict = conflictSchema.safeParse(raw);
    if (conflict.success) return { kind: "conflict", message, currentVersion: conflict.data.current.version };
  }
  return { kind: "refused", status: res.status, message };
}

export async function undoOnServer(cardId: string): Promise<UndoResponse> {
  const res = await call("/api/review/undo", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ cardId }) });
  return okJson(res, undoResponseSchema);
}

// The review page's calls to the JSON API. The route handlers validate with lib/api's zod
// schemas; this browser code uses their types only and checks just what it branches on,
// so zod stays out of the page's bundle (issue 15: /review at most 120 kB of gzip JS).
import type { ErrorBody } from "@/lib/api/errors";
import type { CardControls, CardControlsRequest } from "@/lib/api/cards";
import type { GradeRequest, GradeResponse, QueueResponse, UndoResponse } from "@/lib/api/review";
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The message of an error body ({ error: { code, message } }), if the body is one. */
function messageOf(raw: unknown): string | null {
  const error = isObject(raw) ? (raw as Partial<ErrorBody>).error : undefined;
  return isObject(error) && typeof error.message === "string" ? error.message : null;
}

async function errorMessage(res: Response): Promise<string> {
  return messageOf(await res.json().catch(() => null)) ?? `The server answered ${res.status}.`;
}

async function call(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { cache: "no-store", ...init, headers: { Accept: "application/json", ...init?.headers } });
  } catch {
    throw new RequestFailed(null, OFFLINE_MESSAGE);
  }
}

/** A 2xx body of the expected kind; `looksRight` guards against an answer from something else (a proxy's page). */
async function okJson<T>(res: Response, looksRight: (body: Record<string, unknown>) => boolean): Promise<T> {
  if (!res.ok) throw new RequestFailed(res.status, await errorMessage(res));
  const body: unknown = await res.json().catch(() => null);
  if (!isObject(body) || !looksRight(body)) throw new RequestFailed(res.status, "The server's answer was not understood. Please reload the page.");
  return body as T;
}

export async function fetchQueue(deckId: string | undefined, limit: number): Promise<QueueResponse> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (deckId) query.set("deck", deckId);
  return okJson<QueueResponse>(await call(`/api/review/queue?${query}`), (b) => Array.isArray(b.cards) && isObject(b.counts));
}

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
    const body = (await res.json().catch(() => null)) as Partial<GradeResponse> | null;
    // A 2xx means the server applied the grade, even if its body is odd: don't send it twice.
    return { kind: "saved", version: Number.isInteger(body?.version) ? body!.version! : entry.expectedVersion + 1, ...(body?.leech === true && { leech: true }) };
  }
  if (res.status === 401) return { kind: "unauthenticated", message: await errorMessage(res) };
  // 408 and 429 are "not now", not "never"; 5xx are the server's problem.
  if (res.status >= 500 || res.status === 408 || res.status === 429) {
    return { kind: "retry", reason: "server", message: await errorMessage(res) };
  }
  const raw: unknown = await res.json().catch(() => null);
  const message = messageOf(raw) ?? `The server answered ${res.status}.`;
  if (res.status === 409) {
    // Only a 409 that carries the card's current state is "graded elsewhere"; others (a
    // retired card, a reused key) are plain refusals.
    const current = isObject(raw) && isObject(raw.current) ? raw.current.version : undefined;
    if (Number.isInteger(current)) return { kind: "conflict", message, currentVersion: current as number };
  }
  return { kind: "refused", status: res.status, message };
}

export async function undoOnServer(cardId: string): Promise<UndoResponse> {
  const res = await call("/api/review/undo", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ cardId }) });
  return okJson<UndoResponse>(res, (b) => Number.isInteger(b.version));
}

/** Suspends or buries a card, or lifts either (the card menu, its keys and their undo). */
export async function setControls(cardId: string, change: CardControlsRequest): Promise<CardControls> {
  const res = await call(`/api/cards/${encodeURIComponent(cardId)}/controls`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify(change) });
  return (await okJson<{ controls: CardControls }>(res, (b) => isObject(b.controls))).controls;
}

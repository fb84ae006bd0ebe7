// Grading one card: the hot path. Two statements, no explicit transaction (store.ts):
//   1. loadGradeContext reads the learner's settings and session version (a signed-out
//      token is refused here, without a query of its own: lib/auth/revocation.ts), the card
//      (visible, not retired), its state and any review this learner already stored under
//      this idempotency key (keys are per user);
//   2. decideGrade, pure, says what to do: answer a replay, refuse, or write the next state;
//      writeGrade updates the state only if its version is still the expected one and
//      inserts the review log only if that update happened, so a concurrent grade of the
//      same card applies exactly once and the other gets 409.
// The API route, the bench's raw baseline (lib/bench/raw-grade.ts) and the unit tests call
// the same decideGrade.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CardStateDto, GradeRequest, GradeResponse } from "@/lib/api/review";
import { DomainError } from "@/lib/api/errors";
import { accountGone, sessionEnded } from "@/lib/auth/revocation";
import { withExamRetention } from "@/lib/learner/exam-mode";
import { settingsOfUser, toSrsParams } from "@/lib/learner/settings";
import { fuzzSeedFor, next } from "@/lib/srs/scheduler";
import { srsStateToJson } from "@/lib/srs/state";
import type { Stored } from "@/lib/srs/row";
import { isLeechLapse } from "./controls";
import { loadGradeContext, lostKeyRace, priorReview, stateJson, storedState, writeGrade, type GradeContext, type GradeWrite } from "./store";

export class GradeConflict extends DomainError {
  constructor(readonly current: { version: number; state: CardStateDto | null }) {
    super("conflict", "This card was graded elsewhere (another tab or device) since it was shown. Its current state is included.", { current });
  }
}

const conflictOf = (stored: Stored | null) =>
  new GradeConflict({ version: stored?.version ?? 0, state: stored?.state ? srsStateToJson(stored.state) : null });

export type GradeRefusal = "account_gone" | "session_ended" | "key_reused" | "no_such_card" | "retired" | "stale_version";

export type GradeDecision =
  | { kind: "replay"; response: GradeResponse }
  | { kind: "refuse"; reason: GradeRefusal; error: DomainError }
  | { kind: "write"; write: GradeWrite };

const refuse = (reason: GradeRefusal, error: DomainError): GradeDecision => ({ kind: "refuse", reason, error });

/**
 * What a grade does, from what statement 1 read (null: the user is gone), the request and
 * the clock. `session`: the version the caller's token carries (absent for callers that are
 * not a session: tests, seeding, the bench).
 */
export function decideGrade(ctx: GradeContext | null, req: GradeRequest, now: Date, session?: { sessionVersion: number }): GradeDecision {
  if (!ctx) return refuse("account_gone", accountGone());
  if (session && ctx.sessionVersion !== session.sessionVersion) return refuse("session_ended", sessionEnded());
  if (ctx.prior) {
    if (ctx.prior.cardId !== req.cardId) return refuse("key_reused", new DomainError("conflict", "This idempotencyKey was already used for another card."));
    // A retry of a grade already applied: its stored result, with the card's version now.
    return {
      kind: "replay",
      response: { cardId: req.cardId, reviewId: ctx.prior.id, version: ctx.stored?.version ?? 0, state: stateJson(ctx.prior.after), replayed: true },
    };
  }
  if (!ctx.card || !ctx.card.visible) return refuse("no_such_card", new DomainError("not_found", "No such card."));
  if (ctx.card.retired) return refuse("retired", new DomainError("conflict", "This card was retired from its deck and is no longer scheduled."));
  if ((ctx.stored?.version ?? 0) !== req.expectedVersion) return refuse("stale_version", conflictOf(ctx.stored));
  const params = toSrsParams(withExamRetention(settingsOfUser(ctx), ctx.examRetention), ctx.fitted?.weights);
  const before = ctx.stored?.state ?? null;
  const after = next(before, req.rating, now, params, fuzzSeedFor(ctx.userId, req.cardId));
  const leech = isLeechLapse(before, after);
  return { kind: "write", write: { userId: ctx.userId, req, now, expectedRowVersion: ctx.stored?.version ?? null, before, after, params, fsrsParametersId: ctx.fitted?.id ?? null, leech } };
}

/**
 * `user`: a session's user with the version its token carries (the API route, which leaves
 * the revocation check to statement 1: requireUserOf(req, "checked-by-caller")), or a bare
 * id for callers that are not a session (tests, seeding).
 */
export async function gradeCard(
  db: PrismaClient, user: string | { id: string; sessionVersion: number }, req: GradeRequest, now = new Date(),
): Promise<GradeResponse> {
  const userId = typeof user === "string" ? user : user.id;
  const decision = decideGrade(await loadGradeContext(db, userId, req, now), req, now, typeof user === "string" ? undefined : user);
  if (decision.kind === "refuse") throw decision.error;
  if (decision.kind === "replay") return decision.response;
  const { write } = decision;
  try {
    const res = await writeGrade(db, write);
    if (res) return { cardId: req.cardId, reviewId: res.reviewId, version: res.version, state: srsStateToJson(write.after), replayed: false, ...(write.leech && { leech: true }) };
  } catch (err) {
    // A concurrent retry with the same key won the insert: answer with its result.
    if (!lostKeyRace(err)) throw err;
  }
  // The version moved under us: either a retry of this very request landed first, or
  // another grade did.
  const replay = await priorReview(db, userId, req.idempotencyKey);
  if (replay) return { cardId: replay.cardId, reviewId: replay.reviewId, version: replay.version, state: stateJson(replay.after), replayed: true };
  throw conflictOf(await storedState(db, userId, req.cardId));
}

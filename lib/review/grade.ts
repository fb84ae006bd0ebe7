// Grading one card: the hot path. Two statements, no explicit transaction, sent straight
// to pg (lib/db/client.ts says why):
//   1. read the learner's settings and session version (a signed-out token is refused
//      here, without a query of its own: lib/auth/revocation.ts), the card (visible, not
//      retired), its state and any review this learner already stored under this
//      idempotency key (keys are per user);
//   2. one statement that updates the state only if its version is still the expected
//      one and inserts the review log only if that update happened: atomic on its own,
//      so a concurrent grade of the same card applies exactly once and the other gets 409.
import { DatabaseError } from "pg";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { GradeRequest, GradeResponse, CardStateDto } from "@/lib/api/review";
import { ApiError } from "@/lib/api/errors";
import { sessionEnded } from "@/lib/auth/revocation";
import { sqlRows } from "@/lib/db/client";
import { visibleDeckSql } from "@/lib/decks/queries";
import { fuzzSeedFor, next } from "@/lib/srs/scheduler";
import { srsStateToJson } from "@/lib/srs/state";
import { settingsOfUser, toSrsParams } from "@/lib/learner/settings";
import { dtoFromJson, stateOfRow, type StateRow } from "./rows";

export type GradeContext = {
  settings: unknown;
  timezone: string;
  rolloverHour: number;
  sessionVersion: number;
  cardId: string | null;
  retiredAt: Date | null;
  visible: boolean;
  /** bigint, which pg returns as a string. */
  priorId: string | null;
  priorCardId: string | null;
  priorAfter: unknown;
} & { [K in keyof StateRow as `s_${K}`]: StateRow[K] | null };

export class GradeConflict extends ApiError {
  constructor(readonly current: { version: number; state: CardStateDto | null }) {
    super("conflict", "This card was graded elsewhere (another tab or device) since it was shown. Its current state is included.", { current });
  }
}

/** Statement 1: settings, card, visibility, stored state and any review under this key. */
export function gradeContextSql(userId: string, req: GradeRequest): Prisma.Sql {
  return Prisma.sql`
    SELECT u.settings, u.timezone, u."rolloverHour", u."sessionVersion",
           c.id AS "cardId", c."retiredAt", coalesce(${visibleDeckSql(Prisma.sql`u.id`)}, false) AS visible,
           s.due AS s_due, s.stability AS s_stability, s.difficulty AS s_difficulty, s."scheduledDays" AS "s_scheduledDays",
           s."learningSteps" AS "s_learningSteps", s.reps AS s_reps, s.lapses AS s_lapses, s.state AS s_state,
           s."lastReview" AS "s_lastReview", s.version AS s_version,
           p.id AS "priorId", p."cardId" AS "priorCardId", p."stateAfter" AS "priorAfter"
      FROM "User" u
      LEFT JOIN "Card" c ON c.id = ${req.cardId}
      LEFT JOIN "Deck" d ON d.id = c."deckId"
      LEFT JOIN "CardState" s ON s."userId" = u.id AND s."cardId" = ${req.cardId}
      LEFT JOIN "ReviewLog" p ON p."idempotencyKey" = ${req.idempotencyKey} AND p."userId" = u.id
     WHERE u.id = ${userId}::uuid`;
}

export function storedStateRow(ctx: GradeContext): StateRow | null {
  if (ctx.s_version === null) return null;
  return {
    due: ctx.s_due!, stability: ctx.s_stability!, difficulty: ctx.s_difficulty!, scheduledDays: ctx.s_scheduledDays!,
    learningSteps: ctx.s_learningSteps!, reps: ctx.s_reps!, lapses: ctx.s_lapses!, state: ctx.s_state!,
    lastReview: ctx.s_lastReview, version: ctx.s_version,
  };
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  return err instanceof DatabaseError && err.code === "23505" && err.constraint === constraint;
}

/** The grade this user stored under `key`: keys are unique per user, as clients choose them. */
async function replayOf(db: PrismaClient, userId: string, key: string): Promise<GradeResponse | null> {
  const prior = await db.reviewLog.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey: key } },
    select: { id: true, cardId: true, stateAfter: true },
  });
  if (!prior) return null;
  const current = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: prior.cardId } }, select: { version: true } });
  return { cardId: prior.cardId, reviewId: String(prior.id), version: current?.version ?? 0, state: dtoFromJson(prior.stateAfter), replayed: true };
}

/**
 * Statement 2 for a card whose stored state (`row`) is at the expected version: the next
 * state from ts-fsrs, then the state update and the log insert in one statement.
 */
export function planGrade(ctx: GradeContext, row: StateRow | null, userId: string, req: GradeRequest, now: Date) {
  const before = stateOfRow(row);
  const params = toSrsParams(settingsOfUser(ctx));
  const after = next(before, req.rating, now, params, fuzzSeedFor(userId, req.cardId));
  const afterJson = srsStateToJson(after);
  const beforeJson = before ? srsStateToJson(before) : null;
  const write = row
    ? Prisma.sql`UPDATE "CardState" SET due = ${after.due}, stability = ${after.stability}, difficulty = ${after.difficulty},
                   "scheduledDays" = ${after.scheduledDays}, "learningSteps" = ${after.learningSteps}, reps = ${after.reps},
                   lapses = ${after.lapses}, state = ${after.state}, "lastReview" = ${after.lastReview}, version = version + 1,
                   "reviewMs" = "reviewMs" + ${req.durationMs}
                 WHERE "userId" = ${userId}::uuid AND "cardId" = ${req.cardId} AND version = ${row.version}
                 RETURNING version`
    : Prisma.sql`INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", version, "reviewMs")
                 VALUES (${userId}::uuid, ${req.cardId}, ${after.due}, ${after.stability}, ${after.difficulty}, ${after.scheduledDays},
                         ${after.learningSteps}, ${after.reps}, ${after.lapses}, ${after.state}, ${after.lastReview}, 1, ${req.durationMs})
                 ON CONFLICT DO NOTHING RETURNING version`;
  const sql = Prisma.sql`
      WITH st AS (${write}),
      log AS (
        INSERT INTO "ReviewLog" ("userId", "cardId", rating, "reviewedAt", "durationMs", "stateBefore", "stateAfter", params, "idempotencyKey")
        SELECT ${userId}::uuid, ${req.cardId}, ${req.rating}, ${now}, ${req.durationMs}, ${beforeJson === null ? null : JSON.stringify(beforeJson)}::jsonb,
               ${JSON.stringify(afterJson)}::jsonb, ${JSON.stringify(params)}::jsonb, ${req.idempotencyKey}
        WHERE EXISTS (SELECT 1 FROM st)
        RETURNING id)
      SELECT (SELECT version FROM st) AS version, (SELECT id FROM log) AS id`;
  return { after: afterJson, sql };
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
  const [ctx] = await sqlRows<GradeContext>(db, gradeContextSql(userId, req));
  if (!ctx) throw new ApiError("unauthenticated", "Your account no longer exists. Sign in again.");
  if (typeof user !== "string" && ctx.sessionVersion !== user.sessionVersion) throw sessionEnded();
  if (ctx.priorId !== null) {
    if (ctx.priorCardId !== req.cardId) throw new ApiError("conflict", "This idempotencyKey was already used for another card.");
    return (await replayOf(db, userId, req.idempotencyKey))!;
  }
  if (!ctx.cardId || !ctx.visible) throw new ApiError("not_found", "No such card.");
  if (ctx.retiredAt) throw new ApiError("conflict", "This card was retired from its deck and is no longer scheduled.");

  const row = storedStateRow(ctx);
  const version = row?.version ?? 0;
  const before = stateOfRow(row);
  if (version !== req.expectedVersion) {
    throw new GradeConflict({ version, state: before ? srsStateToJson(before) : null });
  }
  const plan = planGrade(ctx, row, userId, req, now);
  try {
    const [res] = await sqlRows<{ version: number | null; id: string | null }>(db, plan.sql);
    if (res?.version != null && res.id != null) {
      return { cardId: req.cardId, reviewId: String(res.id), version: res.version, state: plan.after, replayed: false };
    }
  } catch (err) {
    // A concurrent retry with the same key (by this user: the constraint is per user) won
    // the insert: answer with its result.
    if (!isUniqueViolation(err, "ReviewLog_userId_idempotencyKey_key")) throw err;
  }
  // The version moved under us: either a retry of this very request landed first, or
  // another grade did.
  const replay = await replayOf(db, userId, req.idempotencyKey);
  if (replay) return replay;
  const current = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: req.cardId } } });
  const state = stateOfRow(current);
  throw new GradeConflict({ version: current?.version ?? 0, state: state ? srsStateToJson(state) : null });
}

// The grade transaction of lib/review/grade.ts issued straight to PostgreSQL with `pg`:
// the same context SELECT, the same next() computation, the same WITH ... UPDATE/INSERT
// statement (built with the same Prisma.sql templates and rendered to $n text), without
// Next.js, next-auth or Prisma. The happy path only: no replay, no 409 body. Keep the
// two statements in step with gradeCard.
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { GradeRequest } from "@/lib/api/review";
import { visibleDeckSql } from "@/lib/decks/queries";
import { settingsOfUser, toSrsParams } from "@/lib/review/settings";
import { stateOfRow, type StateRow } from "@/lib/review/rows";
import { fuzzSeedFor, next, type Rating } from "@/lib/srs/scheduler";
import { srsStateToJson } from "@/lib/srs/state";
import type { Learner, Outcome, TrackedCard } from "./load";

type Context = {
  settings: unknown;
  timezone: string;
  rolloverHour: number;
  cardId: string | null;
  retiredAt: Date | null;
  visible: boolean;
  priorId: string | null;
} & { [K in keyof StateRow as `s_${K}`]: StateRow[K] | null };

const run = async <T extends pg.QueryResultRow>(pool: pg.Pool, sql: Prisma.Sql) => (await pool.query<T>(sql.text, sql.values)).rows;

export async function rawGrade(pool: pg.Pool, userId: string, req: GradeRequest, now = new Date()): Promise<Outcome> {
  const [ctx] = await run<Context>(
    pool,
    Prisma.sql`
    SELECT u.settings, u.timezone, u."rolloverHour",
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
     WHERE u.id = ${userId}::uuid`,
  );
  if (!ctx) return { ok: false, kind: "no such user" };
  if (ctx.priorId !== null) return { ok: false, kind: "idempotencyKey reused" };
  if (!ctx.cardId || !ctx.visible || ctx.retiredAt) return { ok: false, kind: "card not gradable" };
  const row: StateRow | null =
    ctx.s_version === null
      ? null
      : {
          due: ctx.s_due!, stability: ctx.s_stability!, difficulty: ctx.s_difficulty!, scheduledDays: ctx.s_scheduledDays!,
          learningSteps: ctx.s_learningSteps!, reps: ctx.s_reps!, lapses: ctx.s_lapses!, state: ctx.s_state!,
          lastReview: ctx.s_lastReview, version: ctx.s_version,
        };
  const version = row?.version ?? 0;
  if (version !== req.expectedVersion) return { ok: false, kind: "409 conflict", version };
  const before = stateOfRow(row);
  const params = toSrsParams(settingsOfUser(ctx));
  const after = next(before, req.rating, now, params, fuzzSeedFor(userId, req.cardId));
  const afterJson = srsStateToJson(after);
  const beforeJson = before ? srsStateToJson(before) : null;

  const write = row
    ? Prisma.sql`UPDATE "CardState" SET due = ${after.due}, stability = ${after.stability}, difficulty = ${after.difficulty},
                   "scheduledDays" = ${after.scheduledDays}, "learningSteps" = ${after.learningSteps}, reps = ${after.reps},
                   lapses = ${after.lapses}, state = ${after.state}, "lastReview" = ${after.lastReview}, version = version + 1
                 WHERE "userId" = ${userId}::uuid AND "cardId" = ${req.cardId} AND version = ${version}
                 RETURNING version`
    : Prisma.sql`INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", version)
                 VALUES (${userId}::uuid, ${req.cardId}, ${after.due}, ${after.stability}, ${after.difficulty}, ${after.scheduledDays},
                         ${after.learningSteps}, ${after.reps}, ${after.lapses}, ${after.state}, ${after.lastReview}, 1)
                 ON CONFLICT DO NOTHING RETURNING version`;
  const [res] = await run<{ version: number | null; id: string | null }>(
    pool,
    Prisma.sql`
      WITH st AS (${write}),
      log AS (
        INSERT INTO "ReviewLog" ("userId", "cardId", rating, "reviewedAt", "durationMs", "stateBefore", "stateAfter", params, "idempotencyKey")
        SELECT ${userId}::uuid, ${req.cardId}, ${req.rating}, ${now}, ${req.durationMs}, ${beforeJson === null ? null : JSON.stringify(beforeJson)}::jsonb,
               ${JSON.stringify(afterJson)}::jsonb, ${JSON.stringify(params)}::jsonb, ${req.idempotencyKey}
        WHERE EXISTS (SELECT 1 FROM st)
        RETURNING id)
      SELECT (SELECT version FROM st) AS version, (SELECT id FROM log) AS id`,
  );
  if (res?.version != null && res.id != null) return { ok: true, version: res.version };
  return { ok: false, kind: "409 conflict (raced)" };
}

/** A raw learner grades its 200 earliest-due cards (its due ones first, as the queue hands them out). */
export async function rawLearner(pool: pg.Pool, userId: string): Promise<Learner> {
  const { rows } = await pool.query<TrackedCard>(
    `SELECT "cardId", version FROM "CardState" WHERE "userId" = $1::uuid ORDER BY due, "cardId" LIMIT 200`,
    [userId],
  );
  return {
    cards: rows,
    grade: (card: TrackedCard, rating: Rating, idempotencyKey: string) =>
      rawGrade(pool, userId, { cardId: card.cardId, rating, idempotencyKey, durationMs: 4000, expectedVersion: card.version }),
  };
}

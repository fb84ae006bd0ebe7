// The grade of lib/review/grade.ts issued straight to PostgreSQL with `pg`: the very same
// two prepared statements (gradeContextSql, planGrade, poolRows), without Next.js or
// next-auth. The happy path only: no replay, no 409 body.
import type pg from "pg";
import { poolRows } from "@/lib/db/client";
import type { GradeRequest } from "@/lib/api/review";
import { gradeContextSql, planGrade, storedStateRow, type GradeContext } from "@/lib/review/grade";
import type { Rating } from "@/lib/srs/scheduler";
import type { Learner, Outcome, TrackedCard } from "./load";

export async function rawGrade(pool: pg.Pool, userId: string, req: GradeRequest, now = new Date()): Promise<Outcome> {
  const [ctx] = await poolRows<GradeContext>(pool, gradeContextSql(userId, req));
  if (!ctx) return { ok: false, kind: "no such user" };
  if (ctx.priorId !== null) return { ok: false, kind: "idempotencyKey reused" };
  if (!ctx.cardId || !ctx.visible || ctx.retiredAt) return { ok: false, kind: "card not gradable" };
  const row = storedStateRow(ctx);
  const version = row?.version ?? 0;
  if (version !== req.expectedVersion) return { ok: false, kind: "409 conflict", version };
  const [res] = await poolRows<{ version: number | null; id: string | null }>(pool, planGrade(ctx, row, userId, req, now).sql);
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

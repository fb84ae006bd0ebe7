// The grade of lib/review/grade.ts issued straight to PostgreSQL with `pg`: the very same
// two prepared statements (loadGradeContext, writeGrade) and the same decision (decideGrade),
// without Next.js or next-auth. The happy path only: no replay after a lost race, no 409 body.
import type pg from "pg";
import type { GradeRequest, Rating } from "@/lib/api/review";
import { decideGrade, type GradeRefusal } from "@/lib/review/grade";
import { loadGradeContext, writeGrade } from "@/lib/review/store";
import type { Learner, Outcome, TrackedCard } from "./load";

const refusalKind: Record<GradeRefusal, string> = {
  account_gone: "no such user",
  session_ended: "session ended",
  key_reused: "idempotencyKey reused",
  no_such_card: "card not gradable",
  retired: "card not gradable",
  stale_version: "409 conflict",
};

export async function rawGrade(pool: pg.Pool, userId: string, req: GradeRequest, now = new Date()): Promise<Outcome> {
  const ctx = await loadGradeContext(pool, userId, req);
  const decision = decideGrade(ctx, req, now);
  if (decision.kind === "replay") return { ok: false, kind: "idempotencyKey reused" };
  if (decision.kind === "refuse") {
    return decision.reason === "stale_version"
      ? { ok: false, kind: refusalKind.stale_version, version: ctx?.stored?.version ?? 0 }
      : { ok: false, kind: refusalKind[decision.reason] };
  }
  const res = await writeGrade(pool, decision.write);
  return res ? { ok: true, version: res.version } : { ok: false, kind: "409 conflict (raced)" };
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

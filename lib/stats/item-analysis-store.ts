// The SQL of the quiz item analysis (lib/stats/item-analysis.ts shapes its rows): one
// statement over the finished attempts of an assignment by students now in its class.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ItemAnalysis } from "@/lib/api/stats";
import { sqlRows } from "@/lib/db/client";
import { CardPhase } from "@/lib/srs/state";

export type Row = Omit<ItemAnalysis["items"][number], "shareCorrect" | "difficulty"> & { meanDifficulty: number | null; studied: number | null; attempts: number; students: number };

/** Finished attempts (submitted, or deadline before `cutoff`) of the assignment by students now in the class. */
function itemAnalysisSql(classId: string, assignmentId: string, cutoff: Date): Prisma.Sql {
  return Prisma.sql`
    WITH st AS (SELECT "userId" FROM "Enrollment" WHERE "classId" = ${classId}::uuid),
    att AS (
      SELECT qa.id, qa."userId" FROM "QuizAttempt" qa JOIN st ON st."userId" = qa."userId"
       WHERE qa."assignmentId" = ${assignmentId}::uuid AND (qa."submittedAt" IS NOT NULL OR qa.deadline < ${cutoff})),
    q AS (SELECT qq."cardId", qq.type, qq.prompt, qq.payload, qq.answer, qq.correct FROM "QuizQuestion" qq JOIN att ON att.id = qq."attemptId"),
    items AS (
      SELECT "cardId", type, min(prompt) AS prompt, count(*)::int AS asked, count(answer)::int AS answered,
             count(*) FILTER (WHERE correct)::int AS correct
        FROM q GROUP BY 1, 2),
    -- What a wrong answer said: the option picked (mcq) or the year typed.
    wrong AS (
      SELECT "cardId", type, CASE type WHEN 'mcq' THEN payload->'options'->>((answer->>'choice')::int) ELSE answer->>'text' END AS given, count(*)::int AS n
        FROM q WHERE answer IS NOT NULL AND correct IS NOT TRUE AND type IN ('mcq', 'typed-year') GROUP BY 1, 2, 3),
    -- Grouped once per item and joined (a subquery per item rescanned every answer).
    wa AS (
      SELECT "cardId", type, json_agg(json_build_object('answer', given, 'picks', n) ORDER BY n DESC, given) AS list
        FROM wrong WHERE given IS NOT NULL GROUP BY 1, 2),
    diff AS (
      SELECT s."cardId", avg(s.difficulty)::float8 AS mean, count(*)::int AS n
        FROM "CardState" s JOIN st ON st."userId" = s."userId"
       WHERE s.state <> ${CardPhase.New}::int AND s."cardId" IN (SELECT "cardId" FROM items) GROUP BY 1)
    SELECT i."cardId", i.type, i.prompt, c.answer, i.asked, i.answered, i.correct,
           d.mean AS "meanDifficulty", d.n AS studied,
           coalesce(wa.list, '[]'::json) AS "wrongAnswers",
           (SELECT count(*)::int FROM att) AS attempts, (SELECT count(DISTINCT "userId")::int FROM att) AS students
      FROM items i LEFT JOIN "Card" c ON c.id = i."cardId" LEFT JOIN diff d ON d."cardId" = i."cardId"
      LEFT JOIN wa ON wa."cardId" IS NOT DISTINCT FROM i."cardId" AND wa.type = i.type
     ORDER BY i.correct::float8 / i.asked, i.prompt, i."cardId"`;
}


export async function itemAnalysisRows(db: PrismaClient, classId: string, assignmentId: string, cutoff: Date): Promise<Row[]> {
  return sqlRows<Row>(db, itemAnalysisSql(classId, assignmentId, cutoff));
}

// The SQL of a class's calibration (lib/stats/calibration.ts does the maths): every live
// review of the assignment's deck by a student now in the class, of a card in the review
// state, bucketed by the recall predicted for it: the forgetting curve at the whole learner
// days (the student's zone and rollover) since the card's previous review. And every answered
// quiz question on a card of the deck by those students (any quiz, assigned or their own)
// whose card was in the review state when answered: predicted from the state its latest live
// review before the answer left (stability, and learner days since that review).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { sqlRows } from "@/lib/db/client";
import { CardPhase } from "@/lib/srs/state";
import { CALIBRATION_BINS, type BinRow } from "./calibration";

const dayOf = (at: Prisma.Sql) => Prisma.sql`(((${at}) AT TIME ZONE st.timezone) - make_interval(hours => st."rolloverHour"))::date`;

export async function calibrationRows(db: PrismaClient, classId: string, deckId: string, curve: { decay: number; factor: number }): Promise<BinRow[]> {
  return sqlRows<BinRow>(db, Prisma.sql`
    WITH st AS (SELECT u.id, u.timezone, u."rolloverHour" FROM "Enrollment" e JOIN "User" u ON u.id = e."userId" WHERE e."classId" = ${classId}::uuid),
    r AS (
      SELECT r.rating, (r."stateBefore"->>'stability')::float8 AS s,
             ${dayOf(Prisma.sql`r."reviewedAt"`)} - ${dayOf(Prisma.sql`(r."stateBefore"->>'lastReview')::timestamptz`)} AS t
        FROM "ReviewLog" r JOIN st ON st.id = r."userId" JOIN "Card" c ON c.id = r."cardId"
       WHERE c."deckId" = ${deckId}::uuid AND r."undoneAt" IS NULL
         AND (r."stateBefore"->>'state')::int = ${CardPhase.Review}::int AND r."stateBefore"->>'lastReview' IS NOT NULL),
    q AS (
      SELECT qq.correct AS ok, (lr.after->>'stability')::float8 AS s, ${dayOf(Prisma.sql`qq."answeredAt"`)} - ${dayOf(Prisma.sql`lr."reviewedAt"`)} AS t
        FROM "QuizQuestion" qq JOIN st ON st.id = qq."userId" JOIN "Card" c ON c.id = qq."cardId"
        CROSS JOIN LATERAL (
          SELECT r."stateAfter" AS after, r."reviewedAt" FROM "ReviewLog" r
           WHERE r."userId" = qq."userId" AND r."cardId" = qq."cardId" AND r."undoneAt" IS NULL AND r."reviewedAt" <= qq."answeredAt"
           ORDER BY r."reviewedAt" DESC LIMIT 1) lr
       WHERE c."deckId" = ${deckId}::uuid AND qq."answeredAt" IS NOT NULL AND qq.correct IS NOT NULL
         AND (lr.after->>'state')::int = ${CardPhase.Review}::int),
    p AS (
      SELECT 'review' AS source, power(1 + ${curve.factor}::float8 * greatest(t, 0) / s, ${curve.decay}::float8) AS pr, rating > 1 AS ok FROM r WHERE s > 0
      UNION ALL
      SELECT 'quiz', power(1 + ${curve.factor}::float8 * greatest(t, 0) / s, ${curve.decay}::float8), ok FROM q WHERE s > 0)
    SELECT source, least(${CALIBRATION_BINS - 1}::int, floor(pr * ${CALIBRATION_BINS}::int))::int AS bucket, count(*)::int AS n,
           sum(pr)::float8 AS "predictedSum", count(*) FILTER (WHERE ok)::int AS recalled
      FROM p GROUP BY 1, 2`);
}

// The SQL of assignment progress (progress.ts): one statement for the progress rows of any
// set of (assignment, student) pairs, one for the cards a class struggles with.
//
// Predicted recall is the mean FSRS retrievability of the deck's cards at the student's
// due date; an unstudied card counts as 0. The forgetting curve is evaluated in SQL with
// the scheduler's own constants (lib/srs/retrievability.ts) and the same whole learner
// days (the student's time zone and rollover hour) that the scheduler counts.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ProgressRow, ReteachCard } from "@/lib/api/classes";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { forgettingCurveConstants } from "@/lib/srs/retrievability";
import { openSince } from "@/lib/quiz/clock";
import { sqlRows } from "@/lib/db/client";

const { decay, factor } = forgettingCurveConstants(toSrsParams(defaultReviewSettings));

/** The learner day (a date) of a timestamptz expression, for student alias x. */
const learnerDay = (at: Prisma.Sql) => Prisma.sql`(((${at}) AT TIME ZONE x.timezone) - make_interval(hours => x."rolloverHour"))::date`;

/** R of card state s on learner day `day` of student x; 0 for a card never studied. */
const recallOn = (day: Prisma.Sql) => Prisma.sql`CASE WHEN s.state = 0 OR s."lastReview" IS NULL OR s.stability <= 0 THEN 0
  ELSE power(1 + ${factor}::float8 * greatest(0, ${day} - ${learnerDay(Prisma.sql`s."lastReview"`)}) / s.stability, ${decay}::float8) END`;

export type ProgressStoreRow = Omit<ProgressRow, "status" | "dueAt"> & {
  assignmentId: string;
  kind: "REVIEW" | "QUIZ";
  targetRecall: number | null;
  createdAt: Date;
  dueAt: Date | null;
  recallSum: number;
  anyQuiz: boolean;
};

/**
 * Progress rows, one per (assignment, enrolled student) pair that `pairs` admits: a
 * condition on a (Assignment), k (its Class) and e (Enrollment). Every figure is joined
 * through those pairs, so nothing outside them is read.
 */
function progressRows(db: PrismaClient, pairs: Prisma.Sql, now: Date): Promise<ProgressStoreRow[]> {
  return sqlRows<ProgressStoreRow>(db, Prisma.sql`
    -- x and cards are small and cheap to recompute: NOT MATERIALIZED lets the planner push
    -- them into each join instead of scanning materialised copies (p50 443 -> ~230 ms on
    -- the bench's 200 x 500 class).
    WITH x AS NOT MATERIALIZED (
      SELECT a.id AS aid, a."deckId" AS deck_id, a.kind, a."targetRecall", a."createdAt",
             u.id, u.name, u.email, u.timezone, u."rolloverHour",
             coalesce(ac."extendedDueAt", a."dueAt", ${now}::timestamptz) AS due_at,
             coalesce(ac."extendedDueAt", a."dueAt") IS NOT NULL AS has_due
        FROM "Assignment" a JOIN "Class" k ON k.id = a."classId"
        JOIN "Enrollment" e ON e."classId" = a."classId" JOIN "User" u ON u.id = e."userId"
        LEFT JOIN "Accommodation" ac ON ac."assignmentId" = a.id AND ac."userId" = u.id
       WHERE (${pairs})),
    cards AS NOT MATERIALIZED (SELECT id, "deckId" FROM "Card" WHERE "deckId" IN (SELECT deck_id FROM x) AND "retiredAt" IS NULL),
    total AS (SELECT "deckId", count(*)::int AS n FROM cards GROUP BY "deckId"),
    -- The due date's learner day, once per pair rather than once per card.
    xd AS (SELECT x.*, ${learnerDay(Prisma.sql`x.due_at`)} AS due_day FROM x),
    -- Joined on the student alone, the deck checked in the aggregates: the planner takes
    -- student and deck for independent and expects a (student, deck) join to keep a few
    -- hundred of the tens of thousands of states, then sorts them on disk.
    -- Reviews and time come from the states too (reps and reviewMs count the live reviews),
    -- not from a scan of the review log.
    st AS (
      SELECT x.aid, x.id, count(*) FILTER (WHERE c."deckId" = x.deck_id AND s.state <> 0)::int AS started,
             coalesce(sum(s.reps) FILTER (WHERE c."deckId" = x.deck_id), 0)::int AS reviews,
             coalesce(sum(s."reviewMs") FILTER (WHERE c."deckId" = x.deck_id), 0)::bigint AS ms,
             coalesce(sum(${recallOn(Prisma.sql`x.due_day`)}) FILTER (WHERE c."deckId" = x.deck_id), 0)::float8 AS recall
        FROM "CardState" s JOIN cards c ON c.id = s."cardId" JOIN xd x ON x.id = s."userId"
       GROUP BY x.aid, x.id),
    qa AS (
      SELECT x.aid, x.id, q."startedAt",
             (SELECT count(*) FILTER (WHERE qq.correct) * 1.0 / greatest(count(*), 1) FROM "QuizQuestion" qq WHERE qq."attemptId" = q.id)::float8 AS pct
        FROM "QuizAttempt" q JOIN x ON x.id = q."userId"
       WHERE (q."assignmentId" = x.aid OR (x.kind = 'REVIEW' AND q."deckId" = x.deck_id))
         AND (q."submittedAt" IS NOT NULL OR q.deadline < ${openSince(now)})),
    qz AS (SELECT aid, id, max(pct) AS best, (array_agg(pct ORDER BY "startedAt" DESC))[1] AS last FROM qa GROUP BY aid, id)
    SELECT x.aid AS "assignmentId", x.kind, x."targetRecall", x."createdAt",
           x.id AS "userId", x.name, x.email, coalesce(st.started, 0) AS "cardsStarted", coalesce(total.n, 0) AS "cardsTotal",
           coalesce(st.reviews, 0) AS reviews, (coalesce(st.ms, 0) / 1000)::int AS "timeSpentSec",
           coalesce(st.recall, 0) AS "recallSum", CASE WHEN x.has_due THEN x.due_at END AS "dueAt",
           qz.best AS "quizBest", qz.last AS "quizLast", qz.id IS NOT NULL AS "anyQuiz"
      FROM x LEFT JOIN total ON total."deckId" = x.deck_id
      LEFT JOIN st ON st.aid = x.aid AND st.id = x.id
      LEFT JOIN qz ON qz.aid = x.aid AND qz.id = x.id
     ORDER BY x.name, x.id, x.aid`);
}

/** The rows of every student of the class on one assignment. */
export const assignmentProgressRows = (db: PrismaClient, assignmentId: string, now: Date) => progressRows(db, Prisma.sql`a.id = ${assignmentId}::uuid`, now);

/** A student's own rows on each assignment of the unarchived classes they are in. */
export const studentProgressRows = (db: PrismaClient, studentId: string, now: Date) =>
  progressRows(db, Prisma.sql`e."userId" = ${studentId}::uuid AND k."archivedAt" IS NULL`, now);

export type ExamPlanStoreRow = {
  assignmentId: string;
  userId: string;
  cardsTotal: number;
  cardsStarted: number;
  /** target - R on the due day of each studied card below the target. */
  shortfalls: number[];
  /** Sum of R - target over the studied cards at or above it. */
  spare: number;
  /** Learner days from today to the due day. */
  daysLeft: number;
};

/**
 * The exam plan's inputs (exam-plan.ts) for the review goals with a target and a due date of
 * the (assignment, student) pairs that `pairs` admits (as progressRows). Its own statement,
 * run beside the progress one: inside it, these per-card figures doubled its time.
 */
function examPlanRows(db: PrismaClient, pairs: Prisma.Sql, now: Date): Promise<ExamPlanStoreRow[]> {
  return sqlRows<ExamPlanStoreRow>(db, Prisma.sql`
    WITH x AS NOT MATERIALIZED (
      SELECT a.id AS aid, a."deckId" AS deck_id, a."targetRecall" AS target, u.id, u.timezone, u."rolloverHour",
             coalesce(ac."extendedDueAt", a."dueAt") AS due_at
        FROM "Assignment" a JOIN "Class" k ON k.id = a."classId"
        JOIN "Enrollment" e ON e."classId" = a."classId" JOIN "User" u ON u.id = e."userId"
        LEFT JOIN "Accommodation" ac ON ac."assignmentId" = a.id AND ac."userId" = u.id
       WHERE (${pairs}) AND a.kind = 'REVIEW' AND a."targetRecall" IS NOT NULL AND coalesce(ac."extendedDueAt", a."dueAt") IS NOT NULL),
    cards AS NOT MATERIALIZED (SELECT id, "deckId" FROM "Card" WHERE "deckId" IN (SELECT deck_id FROM x) AND "retiredAt" IS NULL),
    total AS (SELECT "deckId", count(*)::int AS n FROM cards GROUP BY "deckId"),
    xd AS (SELECT x.*, ${learnerDay(Prisma.sql`x.due_at`)} AS due_day, ${learnerDay(Prisma.sql`${now}::timestamptz`)} AS today FROM x),
    r AS (
      SELECT x.aid, x.id, x.target, ${recallOn(Prisma.sql`x.due_day`)} AS recall
        FROM "CardState" s JOIN cards c ON c.id = s."cardId" JOIN xd x ON x.id = s."userId"
       WHERE c."deckId" = x.deck_id AND s.state <> 0
      OFFSET 0),
    st AS (
      SELECT aid, id, count(*)::int AS started,
             coalesce(array_agg(target - recall) FILTER (WHERE recall < target), '{}') AS shortfalls,
             coalesce(sum(recall - target) FILTER (WHERE recall >= target), 0)::float8 AS spare
        FROM r GROUP BY aid, id)
    SELECT x.aid AS "assignmentId", x.id AS "userId", coalesce(total.n, 0) AS "cardsTotal", coalesce(st.started, 0) AS "cardsStarted",
           coalesce(st.shortfalls, '{}') AS shortfalls, coalesce(st.spare, 0) AS spare, x.due_day - x.today AS "daysLeft"
      FROM xd x LEFT JOIN total ON total."deckId" = x.deck_id
      LEFT JOIN st ON st.aid = x.aid AND st.id = x.id`);
}

/** Exam plan inputs of every student of the class on one assignment. */
export const assignmentExamPlanRows = (db: PrismaClient, assignmentId: string, now: Date) => examPlanRows(db, Prisma.sql`a.id = ${assignmentId}::uuid`, now);

/** A student's own exam plan inputs on the review goals of the unarchived classes they are in. */
export const studentExamPlanRows = (db: PrismaClient, studentId: string, now: Date) =>
  examPlanRows(db, Prisma.sql`e."userId" = ${studentId}::uuid AND k."archivedAt" IS NULL`, now);

/**
 * The deck's cards ranked for re-teaching (see progress.ts assignmentCards), with how many nobody studied.
 * Cards to re-teach: those the class failed (most failures first), then those studied but
 * never failed, each by the class's mean recall predicted at the due date (or now, once it
 * has passed): right after a failed review, recall "now" is ~100 % and says nothing.
 */
export async function reteachRows(db: PrismaClient, a: { classId: string; deckId: string; dueAt: Date | null }, now: Date, limit: number) {
  const at = a.dueAt && a.dueAt > now ? a.dueAt : now;
  return db.$queryRaw<(ReteachCard & { unstudied: number })[]>`
    WITH x AS (SELECT u.id, u.timezone, u."rolloverHour" FROM "Enrollment" e JOIN "User" u ON u.id = e."userId" WHERE e."classId" = ${a.classId}::uuid),
    n AS (SELECT greatest(count(*), 1)::float8 AS students FROM x),
    per AS (
      SELECT c.id AS "cardId", c.prompt, c.answer, c.quote, c.citation, c.position, lg.failures, lg.reviews,
             (SELECT coalesce(sum(${recallOn(learnerDay(Prisma.sql`${at}::timestamptz`))}), 0)
                FROM "CardState" s JOIN x ON x.id = s."userId" WHERE s."cardId" = c.id) / n.students AS "recallAtDue",
             (SELECT count(*)::int FROM "CardState" s JOIN x ON x.id = s."userId" WHERE s."cardId" = c.id AND s."leechAt" IS NOT NULL) AS leeches
        FROM "Card" c CROSS JOIN n
        CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE r.rating = 1)::int AS failures, count(*)::int AS reviews
                              FROM "ReviewLog" r JOIN x ON x.id = r."userId" WHERE r."cardId" = c.id AND r."undoneAt" IS NULL) lg
       WHERE c."deckId" = ${a.deckId}::uuid AND c."retiredAt" IS NULL)
    -- The count runs over the whole deck, before LIMIT.
    SELECT "cardId", prompt, answer, quote, citation, failures, reviews, "recallAtDue", leeches, (count(*) FILTER (WHERE reviews = 0) OVER ())::int AS unstudied
      FROM per
     ORDER BY reviews = 0, failures DESC, "recallAtDue" ASC, position
     LIMIT ${limit}`;
}

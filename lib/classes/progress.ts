// Progress on assignments, in one SQL statement (no query per student or assignment):
// cards started, reviews, time, predicted recall on the due date, quiz scores. The teacher
// sees a row per student of one assignment; a student sees their own row of each.
//
// Predicted recall is the mean FSRS retrievability of the deck's cards at the student's
// due date; an unstudied card counts as 0. The forgetting curve is evaluated in SQL with
// the scheduler's own constants (lib/srs/retrievability.ts) and the same whole learner
// days (the student's time zone and rollover hour) that the scheduler counts.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ProgressRow, ReteachCard, ReteachCards } from "@/lib/api/classes";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { forgettingCurveConstants } from "@/lib/srs/retrievability";
import { openSince } from "@/lib/quiz/clock";
import { sqlRows } from "@/lib/db/client";
import { ownAssignment } from "./assignments";

const { decay, factor } = forgettingCurveConstants(toSrsParams(defaultReviewSettings));

/** The learner day (a date) of a timestamptz expression, for student alias x. */
const learnerDay = (at: Prisma.Sql) => Prisma.sql`(((${at}) AT TIME ZONE x.timezone) - make_interval(hours => x."rolloverHour"))::date`;

/** R of card state s on learner day `day` of student x; 0 for a card never studied. */
const recallOn = (day: Prisma.Sql) => Prisma.sql`CASE WHEN s.state = 0 OR s."lastReview" IS NULL OR s.stability <= 0 THEN 0
  ELSE power(1 + ${factor}::float8 * greatest(0, ${day} - ${learnerDay(Prisma.sql`s."lastReview"`)}) / s.stability, ${decay}::float8) END`;

type Row = Omit<ProgressRow, "status" | "dueAt"> & {
  assignmentId: string;
  kind: "REVIEW" | "QUIZ";
  targetRecall: number | null;
  createdAt: Date;
  dueAt: Date | null;
  recallSum: number;
  anyQuiz: boolean;
};

function status(r: Row, predictedRecall: number, now: Date): ProgressRow["status"] {
  if (r.kind === "QUIZ") {
    // A finished attempt is "complete" only when its best score meets the target the teacher
    // set (targetRecall, as a share right); a 0 % attempt was once called complete (issue 14).
    if (r.anyQuiz) return r.targetRecall !== null && (r.quizBest ?? 0) >= r.targetRecall ? "complete" : "finished";
    return r.dueAt && now > r.dueAt ? "late" : "not started";
  }
  const done = r.cardsTotal > 0 && r.cardsStarted === r.cardsTotal && predictedRecall >= (r.targetRecall ?? 0);
  if (done) return "complete";
  if (r.dueAt && now > r.dueAt) return "late";
  if (r.cardsStarted === 0) return "not started";
  // On track when the share of cards started keeps pace with the share of time gone.
  const span = r.dueAt ? r.dueAt.getTime() - r.createdAt.getTime() : 0;
  const elapsed = span > 0 ? (now.getTime() - r.createdAt.getTime()) / span : 0;
  return r.cardsStarted / Math.max(1, r.cardsTotal) >= Math.min(1, elapsed) ? "on track" : "behind";
}

/**
 * Progress rows, one per (assignment, enrolled student) pair that `pairs` admits: a
 * condition on a (Assignment), k (its Class) and e (Enrollment). Every figure is joined
 * through those pairs, so nothing outside them is read.
 */
async function progressRows(db: PrismaClient, pairs: Prisma.Sql, now: Date): Promise<(ProgressRow & { assignmentId: string })[]> {
  const rows = await sqlRows<Row>(db, Prisma.sql`
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
  return rows.map((r) => {
    const predictedRecall = r.cardsTotal > 0 ? r.recallSum / r.cardsTotal : 0;
    return {
      assignmentId: r.assignmentId,
      userId: r.userId,
      name: r.name,
      email: r.email,
      cardsStarted: r.cardsStarted,
      cardsTotal: r.cardsTotal,
      reviews: r.reviews,
      timeSpentSec: r.timeSpentSec,
      predictedRecall,
      quizBest: r.quizBest,
      quizLast: r.quizLast,
      dueAt: r.dueAt?.toISOString() ?? null,
      status: status(r, predictedRecall, now),
    };
  });
}

/** The teacher's view of one of their assignments: a row per student of the class. */
export async function assignmentProgress(db: PrismaClient, teacherId: string, assignmentId: string, now = new Date()) {
  const a = await ownAssignment(db, teacherId, assignmentId);
  const rows = await progressRows(db, Prisma.sql`a.id = ${a.id}::uuid`, now);
  return {
    assignment: { id: a.id, kind: a.kind, deck: a.deck, class: a.class, dueAt: a.dueAt?.toISOString() ?? null, targetRecall: a.targetRecall },
    students: rows.map(({ assignmentId: _, ...row }) => row),
  };
}

/**
 * A student's own row on each assignment of the (unarchived) classes they are in, keyed
 * by assignment id: the figures their teacher sees, in one statement for all assignments.
 */
export async function myProgress(db: PrismaClient, studentId: string, now = new Date()): Promise<Map<string, ProgressRow>> {
  const rows = await progressRows(db, Prisma.sql`e."userId" = ${studentId}::uuid AND k."archivedAt" IS NULL`, now);
  return new Map(rows.map(({ assignmentId, ...row }) => [assignmentId, row]));
}

/**
 * The deck's cards the class struggles with most: cards someone has studied first (most
 * failures (Again), then lowest mean predicted recall now), then those nobody has; and
 * how many of the deck's cards nobody in the class has studied yet.
 */
export async function assignmentCards(db: PrismaClient, teacherId: string, assignmentId: string, now = new Date(), limit = 20): Promise<ReteachCards> {
  const a = await ownAssignment(db, teacherId, assignmentId);
  const rows = await db.$queryRaw<(ReteachCard & { unstudied: number })[]>`
    WITH x AS (SELECT u.id, u.timezone, u."rolloverHour" FROM "Enrollment" e JOIN "User" u ON u.id = e."userId" WHERE e."classId" = ${a.classId}::uuid),
    n AS (SELECT greatest(count(*), 1)::float8 AS students FROM x),
    per AS (
      SELECT c.id AS "cardId", c.prompt, c.answer, c.quote, c.citation, c.position, lg.failures, lg.reviews,
             (SELECT coalesce(sum(${recallOn(learnerDay(Prisma.sql`${now}::timestamptz`))}), 0)
                FROM "CardState" s JOIN x ON x.id = s."userId" WHERE s."cardId" = c.id) / n.students AS "meanRecall"
        FROM "Card" c CROSS JOIN n
        CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE r.rating = 1)::int AS failures, count(*)::int AS reviews
                              FROM "ReviewLog" r JOIN x ON x.id = r."userId" WHERE r."cardId" = c.id AND r."undoneAt" IS NULL) lg
       WHERE c."deckId" = ${a.deckId}::uuid AND c."retiredAt" IS NULL)
    -- The count runs over the whole deck, before LIMIT.
    SELECT "cardId", prompt, answer, quote, citation, failures, reviews, "meanRecall", (count(*) FILTER (WHERE reviews = 0) OVER ())::int AS unstudied
      FROM per
     ORDER BY reviews = 0, failures DESC, "meanRecall" ASC, position
     LIMIT ${limit}`;
  return { cards: rows.map(({ unstudied: _, ...card }) => card), unstudied: rows[0]?.unstudied ?? 0 };
}

/** RFC 4180 CSV of the progress rows, for gradebooks: header row, one row per student, UTF-8. */
export function progressCsv(students: ProgressRow[]): string {
  const header = ["name", "email", "cards_started", "cards_total", "reviews", "time_spent_min", "predicted_recall_pct", "quiz_best_pct", "quiz_last_pct", "due_at", "status"];
  const pct = (v: number | null) => (v === null ? "" : (v * 100).toFixed(1));
  const cell = (v: string | number) => {
    const s = String(v);
    // Quote fields with separators, quotes or line breaks; neutralise spreadsheet formulas.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = students.map((r) =>
    [r.name, r.email, r.cardsStarted, r.cardsTotal, r.reviews, (r.timeSpentSec / 60).toFixed(1), pct(r.predictedRecall), pct(r.quizBest), pct(r.quizLast), r.dueAt ?? "", r.status].map(cell).join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}

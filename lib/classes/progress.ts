// Progress of one assignment, one row per student, in one SQL statement (no query per
// student): cards started, reviews, time, predicted recall on the due date, quiz scores.
//
// Predicted recall is the mean FSRS retrievability of the deck's cards at the student's
// due date; an unstudied card counts as 0. The forgetting curve is evaluated in SQL with
// the scheduler's own constants (lib/srs/retrievability.ts) and the same whole learner
// days (the student's time zone and rollover hour) that the scheduler counts.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ProgressRow } from "@/lib/api/classes";
import { defaultReviewSettings, toSrsParams } from "@/lib/review/settings";
import { forgettingCurveConstants } from "@/lib/srs/retrievability";
import { GRACE_SEC } from "@/lib/quiz/attempts";
import { ownAssignment } from "./assignments";

const { decay, factor } = forgettingCurveConstants(toSrsParams(defaultReviewSettings));

/** The learner day (a date) of a timestamptz expression, for student alias x. */
const learnerDay = (at: Prisma.Sql) => Prisma.sql`(((${at}) AT TIME ZONE x.timezone) - make_interval(hours => x."rolloverHour"))::date`;

type Row = Omit<ProgressRow, "status" | "dueAt"> & { dueAt: Date | null; recallSum: number; anyQuiz: boolean };

function status(r: Row, kind: "REVIEW" | "QUIZ", target: number | null, createdAt: Date, now: Date): ProgressRow["status"] {
  if (kind === "QUIZ") {
    if (r.anyQuiz) return "complete";
    return r.dueAt && now > r.dueAt ? "late" : "not started";
  }
  const done = r.cardsTotal > 0 && r.cardsStarted === r.cardsTotal && r.predictedRecall >= (target ?? 0);
  if (done) return "complete";
  if (r.dueAt && now > r.dueAt) return "late";
  if (r.cardsStarted === 0) return "not started";
  // On track when the share of cards started keeps pace with the share of time gone.
  const span = r.dueAt ? r.dueAt.getTime() - createdAt.getTime() : 0;
  const elapsed = span > 0 ? (now.getTime() - createdAt.getTime()) / span : 0;
  return r.cardsStarted / Math.max(1, r.cardsTotal) >= Math.min(1, elapsed) ? "on track" : "behind";
}

export async function assignmentProgress(db: PrismaClient, teacherId: string, assignmentId: string, now = new Date()) {
  const a = await ownAssignment(db, teacherId, assignmentId);
  const fallbackDue = a.dueAt ?? now;
  const rows = await db.$queryRaw<Row[]>`
    WITH cards AS (SELECT id FROM "Card" WHERE "deckId" = ${a.deckId}::uuid AND "retiredAt" IS NULL),
    total AS (SELECT count(*)::int AS n FROM cards),
    x AS (
      SELECT u.id, u.name, u.email, u.timezone, u."rolloverHour", coalesce(ac."extendedDueAt", ${fallbackDue}::timestamptz) AS due_at,
             ac."extendedDueAt" IS NOT NULL OR ${a.dueAt !== null} AS has_due
        FROM "Enrollment" e JOIN "User" u ON u.id = e."userId"
        LEFT JOIN "Accommodation" ac ON ac."assignmentId" = ${a.id}::uuid AND ac."userId" = u.id
       WHERE e."classId" = ${a.classId}::uuid),
    -- The due date's learner day, once per student rather than once per card.
    xd AS (SELECT x.*, ${learnerDay(Prisma.sql`x.due_at`)} AS due_day FROM x),
    st AS (
      SELECT s."userId", count(*) FILTER (WHERE s.state <> 0)::int AS started,
             coalesce(sum(CASE WHEN s.state = 0 OR s."lastReview" IS NULL OR s.stability <= 0 THEN 0
                 ELSE power(1 + ${factor}::float8 * greatest(0, x.due_day - ${learnerDay(Prisma.sql`s."lastReview"`)}) / s.stability, ${decay}::float8) END), 0)::float8 AS recall
        FROM "CardState" s JOIN xd x ON x.id = s."userId" JOIN cards c ON c.id = s."cardId"
       GROUP BY s."userId"),
    lg AS (
      SELECT r."userId", count(*)::int AS reviews, coalesce(sum(r."durationMs"), 0)::bigint AS ms
        FROM "ReviewLog" r JOIN x ON x.id = r."userId" JOIN cards c ON c.id = r."cardId"
       WHERE r."undoneAt" IS NULL GROUP BY r."userId"),
    qa AS (
      SELECT q."userId", q."startedAt",
             (SELECT count(*) FILTER (WHERE qq.correct) * 1.0 / greatest(count(*), 1) FROM "QuizQuestion" qq WHERE qq."attemptId" = q.id)::float8 AS pct
        FROM "QuizAttempt" q JOIN x ON x.id = q."userId"
       WHERE (q."assignmentId" = ${a.id}::uuid OR (${a.kind === "REVIEW"} AND q."deckId" = ${a.deckId}::uuid))
         AND (q."submittedAt" IS NOT NULL OR q.deadline < ${new Date(now.getTime() - GRACE_SEC * 1000)})),
    qz AS (SELECT "userId", max(pct) AS best, (array_agg(pct ORDER BY "startedAt" DESC))[1] AS last FROM qa GROUP BY "userId")
    SELECT x.id AS "userId", x.name, x.email, coalesce(st.started, 0) AS "cardsStarted", total.n AS "cardsTotal",
           coalesce(lg.reviews, 0) AS reviews, (coalesce(lg.ms, 0) / 1000)::int AS "timeSpentSec",
           coalesce(st.recall, 0) AS "recallSum", CASE WHEN x.has_due THEN x.due_at END AS "dueAt",
           qz.best AS "quizBest", qz.last AS "quizLast", qz."userId" IS NOT NULL AS "anyQuiz", 0::float8 AS "predictedRecall"
      FROM x CROSS JOIN total LEFT JOIN st ON st."userId" = x.id LEFT JOIN lg ON lg."userId" = x.id LEFT JOIN qz ON qz."userId" = x.id
     ORDER BY x.name, x.id`;
  const students: ProgressRow[] = rows.map((r) => {
    const row = { ...r, predictedRecall: r.cardsTotal > 0 ? r.recallSum / r.cardsTotal : 0 };
    return {
      userId: row.userId,
      name: row.name,
      email: row.email,
      cardsStarted: row.cardsStarted,
      cardsTotal: row.cardsTotal,
      reviews: row.reviews,
      timeSpentSec: row.timeSpentSec,
      predictedRecall: row.predictedRecall,
      quizBest: row.quizBest,
      quizLast: row.quizLast,
      dueAt: row.dueAt?.toISOString() ?? null,
      status: status(row, a.kind, a.targetRecall, a.createdAt, now),
    };
  });
  return {
    assignment: { id: a.id, kind: a.kind, deck: a.deck, class: a.class, dueAt: a.dueAt?.toISOString() ?? null, targetRecall: a.targetRecall },
    students,
  };
}

/** The deck's cards the class struggles with most: failures (Again) and mean predicted recall now. */
export async function assignmentCards(db: PrismaClient, teacherId: string, assignmentId: string, now = new Date(), limit = 20) {
  const a = await ownAssignment(db, teacherId, assignmentId);
  return db.$queryRaw<{ cardId: string; prompt: string; answer: string; quote: string; citation: string | null; failures: number; reviews: number; meanRecall: number }[]>`
    WITH x AS (SELECT u.id, u.timezone, u."rolloverHour" FROM "Enrollment" e JOIN "User" u ON u.id = e."userId" WHERE e."classId" = ${a.classId}::uuid),
    n AS (SELECT greatest(count(*), 1)::float8 AS students FROM x)
    SELECT c.id AS "cardId", c.prompt, c.answer, c.quote, c.citation,
           (SELECT count(*)::int FROM "ReviewLog" r JOIN x ON x.id = r."userId" WHERE r."cardId" = c.id AND r.rating = 1 AND r."undoneAt" IS NULL) AS failures,
           (SELECT count(*)::int FROM "ReviewLog" r JOIN x ON x.id = r."userId" WHERE r."cardId" = c.id AND r."undoneAt" IS NULL) AS reviews,
           (SELECT coalesce(sum(CASE WHEN s.state = 0 OR s."lastReview" IS NULL OR s.stability <= 0 THEN 0
                   ELSE power(1 + ${factor}::float8 * greatest(0, ${learnerDay(Prisma.sql`${now}::timestamptz`)} - ${learnerDay(Prisma.sql`s."lastReview"`)}) / s.stability, ${decay}::float8) END), 0)
              FROM "CardState" s JOIN x ON x.id = s."userId" WHERE s."cardId" = c.id) / n.students AS "meanRecall"
      FROM "Card" c CROSS JOIN n
     WHERE c."deckId" = ${a.deckId}::uuid AND c."retiredAt" IS NULL
     ORDER BY failures DESC, "meanRecall" ASC, c.position
     LIMIT ${limit}`;
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

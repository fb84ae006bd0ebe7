// Progress on assignments: cards started, reviews, time, predicted recall on the due date,
// quiz scores, and the status each adds up to. The teacher sees a row per student of one
// assignment; a student sees their own row of each. The SQL is in progress-store.ts (one
// statement, no query per student or assignment).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ExamPlan, ProgressRow, ReteachCards } from "@/lib/api/classes";
import { ownAssignment } from "./assignments";
import { cardsToLift, examPlan } from "./exam-plan";
import {
  assignmentExamPlanRows, assignmentProgressRows, reteachRows, studentExamPlanRows, studentProgressRows, type ExamPlanStoreRow, type ProgressStoreRow,
} from "./progress-store";

function status(r: ProgressStoreRow, predictedRecall: number, now: Date): ProgressRow["status"] {
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

/** The stored figures as a progress row, with its predicted recall and status. */
function toProgressRows(rows: ProgressStoreRow[], now: Date): (ProgressRow & { assignmentId: string })[] {
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
  const rows = toProgressRows(await assignmentProgressRows(db, a.id, now), now);
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
  const rows = toProgressRows(await studentProgressRows(db, studentId, now), now);
  return new Map(rows.map(({ assignmentId, ...row }) => [assignmentId, row]));
}

const planOf = (r: ExamPlanStoreRow): ExamPlan | null =>
  examPlan({ cardsTotal: r.cardsTotal, cardsStarted: r.cardsStarted, studiedToReview: cardsToLift(r.shortfalls, r.spare), daysLeft: r.daysLeft });

/** Exam date mode, the teacher's view: each student's exam plan on a review goal with a target, until its due date. */
export async function assignmentExamPlans(db: PrismaClient, teacherId: string, assignmentId: string, now = new Date()) {
  const a = await ownAssignment(db, teacherId, assignmentId);
  const rows = await assignmentExamPlanRows(db, a.id, now);
  return {
    assignmentId: a.id,
    students: rows.flatMap((r) => {
      const plan = planOf(r);
      return plan ? [{ userId: r.userId, ...plan }] : [];
    }),
  };
}

/** A student's own exam plans, keyed by assignment (review goals with a target, until their due date). */
export async function myExamPlans(db: PrismaClient, studentId: string, now = new Date()): Promise<Map<string, ExamPlan>> {
  const plans = new Map<string, ExamPlan>();
  for (const r of await studentExamPlanRows(db, studentId, now)) {
    const plan = planOf(r);
    if (plan) plans.set(r.assignmentId, plan);
  }
  return plans;
}

/**
 * The deck's cards the class struggles with most: cards someone has studied first (most
 * failures (Again), then lowest mean predicted recall now), then those nobody has; and
 * how many of the deck's cards nobody in the class has studied yet.
 */
export async function assignmentCards(db: PrismaClient, teacherId: string, assignmentId: string, now = new Date(), limit = 20): Promise<ReteachCards> {
  const a = await ownAssignment(db, teacherId, assignmentId);
  const rows = await reteachRows(db, a, now, limit);
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

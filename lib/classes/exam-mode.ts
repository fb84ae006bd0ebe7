// Exam date mode, the learner's side: opting in to a raised desired retention for a review
// assignment's deck until its due date (the learner's own, extended where the teacher set
// one), and out again. One per learner and deck: opting in on another assignment of the
// same deck replaces it. The retention is lib/learner/exam-mode.ts's; the scheduler reads
// the row in lib/review/store.ts.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import { getSettings } from "@/lib/learner/settings-store";
import { examRetention } from "@/lib/learner/exam-mode";

export type ExamModeDto = { assignmentId: string; deckId: string; desiredRetention: number; until: string };

/** A review assignment of an unarchived class the student is in, with their due date; 404 otherwise. */
async function studentReviewAssignment(db: PrismaClient, studentId: string, assignmentId: string) {
  const a = await db.assignment.findFirst({
    where: { id: assignmentId, class: { archivedAt: null, enrollments: { some: { userId: studentId } } } },
    select: { id: true, kind: true, deckId: true, dueAt: true, targetRecall: true, accommodations: { where: { userId: studentId }, select: { extendedDueAt: true } } },
  });
  if (!a) throw new DomainError("not_found", "No such assignment.");
  return { ...a, dueAt: a.accommodations[0]?.extendedDueAt ?? a.dueAt };
}

const dto = (m: { assignmentId: string; deckId: string; desiredRetention: number; until: Date }): ExamModeDto => ({
  assignmentId: m.assignmentId,
  deckId: m.deckId,
  desiredRetention: m.desiredRetention,
  until: m.until.toISOString(),
});

/** Opts the student in for the assignment's deck until their due date; 409 for a quiz or a due date already past. */
export async function startExamMode(db: PrismaClient, studentId: string, assignmentId: string, now = new Date()): Promise<ExamModeDto> {
  const a = await studentReviewAssignment(db, studentId, assignmentId);
  if (a.kind !== "REVIEW") throw new DomainError("conflict", "Exam date mode is for review assignments, not quizzes.");
  if (!a.dueAt || a.dueAt <= now) throw new DomainError("conflict", "The due date of this assignment has passed: exam date mode runs until a due date ahead.");
  const settings = await getSettings(db, studentId);
  const data = { assignmentId: a.id, desiredRetention: examRetention(settings.desiredRetention, a.targetRecall), until: a.dueAt, createdAt: now };
  const m = await db.examMode.upsert({
    where: { userId_deckId: { userId: studentId, deckId: a.deckId } },
    create: { userId: studentId, deckId: a.deckId, ...data },
    update: data,
  });
  return dto(m);
}

/** Opts the student out of exam mode for the assignment's deck (nothing to do when it was not on). */
export async function stopExamMode(db: PrismaClient, studentId: string, assignmentId: string): Promise<void> {
  const a = await studentReviewAssignment(db, studentId, assignmentId);
  await db.examMode.deleteMany({ where: { userId: studentId, deckId: a.deckId, assignmentId: a.id } });
}

/** The student's exam modes still running, keyed by assignment. */
export async function activeExamModes(db: PrismaClient, studentId: string, now = new Date()): Promise<Map<string, ExamModeDto>> {
  const rows = await db.examMode.findMany({ where: { userId: studentId, until: { gt: now } } });
  return new Map(rows.map((m) => [m.assignmentId, dto(m)]));
}

/**
 * Keeps running exam modes on the learner's due date when the teacher moves it: the
 * assignment's new due date for students without an extension of their own, or one
 * student's extension (back to the assignment's date when it is cleared).
 */
export async function followDueDate(db: PrismaClient, assignmentId: string, change: { dueAt: Date } | { studentId: string; dueAt: Date | null }) {
  if ("studentId" in change) {
    if (change.dueAt) await db.examMode.updateMany({ where: { assignmentId, userId: change.studentId }, data: { until: change.dueAt } });
    return;
  }
  await db.examMode.updateMany({
    where: { assignmentId, user: { accommodations: { none: { assignmentId, extendedDueAt: { not: null } } } } },
    data: { until: change.dueAt },
  });
}

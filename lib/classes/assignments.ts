// Assignments of a deck to a class: a review goal (everything studied, a target recall on
// the due date) or a quiz (count, time limit, attempts, window). Teachers change only
// their own classes' assignments; students see those of the classes they are in.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { CreateAssignment, UpdateAssignment } from "@/lib/api/classes";
import type { SessionUser } from "@/lib/auth/authenticate";
import { visibleDecksWhere } from "@/lib/decks/store";
import { ownClass } from "./classes";
import { followDueDate } from "./exam-mode";
import { refusePastDates } from "./dates";
import { MIN_QUESTIONS } from "@/lib/api/quiz";
import { quizCapacity } from "@/lib/quiz/capacity";
import { deckQuizCards, shortenOpenAttempts } from "@/lib/quiz/store";

/** A quiz may not ask for more questions than its deck can supply: refused with the number it can. */
async function refuseOverlongQuiz(db: PrismaClient, deckId: string, count: number): Promise<void> {
  const capacity = quizCapacity(await deckQuizCards(db, deckId));
  if (count <= capacity) return;
  const questions = capacity === 1 ? "1 question" : `${capacity} questions`;
  const message =
    capacity < MIN_QUESTIONS
      ? `This deck can supply at most ${questions} for a quiz, fewer than the ${MIN_QUESTIONS} a quiz needs: choose a larger deck.`
      : `This deck can supply at most ${questions} for a quiz: set the number of questions to ${capacity} or fewer.`;
  throw new DomainError("validation_failed", message, { fields: { count: message }, maxQuestions: capacity });
}

/** The teacher's own assignment with its deck and class; null for any other id. */
export function findOwnAssignment(db: PrismaClient, teacherId: string, id: string) {
  return db.assignment.findFirst({ where: { id, class: { teacherId } }, include: { deck: { select: { id: true, title: true } }, class: { select: { id: true, name: true } } } });
}

export async function ownAssignment(db: PrismaClient, teacherId: string, id: string) {
  const a = await findOwnAssignment(db, teacherId, id);
  if (!a) throw new DomainError("not_found", "No such assignment.");
  return a;
}

/** The accommodations of the teacher's own assignment. */
export function accommodationsOf(db: PrismaClient, teacherId: string, id: string) {
  return db.accommodation.findMany({ where: { assignmentId: id, assignment: { class: { teacherId } } } });
}

export async function createAssignment(db: PrismaClient, teacherId: string, input: CreateAssignment, now = new Date()) {
  refusePastDates(input.kind === "REVIEW" ? { dueAt: input.dueAt } : { closesAt: input.closesAt }, now);
  await ownClass(db, teacherId, input.classId);
  const deck = await db.deck.findFirst({ where: { AND: [{ id: input.deckId }, visibleDecksWhere({ id: teacherId })] }, select: { id: true, status: true } });
  if (!deck) throw new DomainError("not_found", "No such deck.");
  if (deck.status !== "PUBLISHED") throw new DomainError("conflict", "Publish the deck before assigning it.");
  if (input.kind === "QUIZ") await refuseOverlongQuiz(db, deck.id, input.count);
  const { kind, classId, deckId } = input;
  return db.assignment.create({
    data:
      kind === "REVIEW"
        ? { kind, classId, deckId, dueAt: input.dueAt, targetRecall: input.targetRecall }
        : { kind, classId, deckId, count: input.count, timeLimitSec: input.timeLimitSec, attempts: input.attempts, opensAt: input.opensAt, closesAt: input.closesAt, dueAt: input.closesAt },
  });
}

export async function listAssignments(db: PrismaClient, user: Pick<SessionUser, "id" | "role">, now = new Date()) {
  const rows = await db.assignment.findMany({
    where: user.role === "TEACHER" ? { class: { teacherId: user.id } } : { class: { archivedAt: null, enrollments: { some: { userId: user.id } } } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    include: {
      deck: { select: { id: true, title: true } },
      class: { select: { id: true, name: true } },
      accommodations: { where: { userId: user.id } },
      examModes: { where: { userId: user.id, until: { gt: now } }, select: { desiredRetention: true, until: true } },
      _count: { select: { quizAttempts: { where: { userId: user.id } } } },
    },
  });
  return rows.map((a) => {
    const mine = a.accommodations[0];
    const dueAt = mine?.extendedDueAt ?? a.dueAt;
    const open = a.kind === "QUIZ" && (!a.opensAt || a.opensAt <= now) && (!a.closesAt || now <= a.closesAt);
    return {
      id: a.id,
      kind: a.kind,
      class: a.class,
      deck: a.deck,
      dueAt: dueAt?.toISOString() ?? null,
      targetRecall: a.targetRecall,
      count: a.count,
      timeLimitSec: a.timeLimitSec,
      attempts: a.attempts,
      opensAt: a.opensAt?.toISOString() ?? null,
      closesAt: a.closesAt?.toISOString() ?? null,
      timeFactor: mine?.timeFactor ?? 1,
      attemptsUsed: a._count.quizAttempts,
      openNow: open && (a.attempts === null || a._count.quizAttempts < a.attempts),
      /** The student's exam date mode on this assignment while it runs (lib/classes/exam-mode.ts). */
      examMode: a.examModes[0] ? { desiredRetention: a.examModes[0].desiredRetention, until: a.examModes[0].until.toISOString() } : null,
    };
  });
}

export async function updateAssignment(db: PrismaClient, teacherId: string, id: string, patch: UpdateAssignment, now = new Date()) {
  const a = await ownAssignment(db, teacherId, id);
  // Only the dates this request changes: an assignment already past can still get a new target.
  refusePastDates({ dueAt: patch.dueAt, closesAt: patch.closesAt }, now);
  if (a.kind === "QUIZ" && patch.count !== undefined) await refuseOverlongQuiz(db, a.deckId, patch.count);
  const opensAt = patch.opensAt ?? a.opensAt;
  const closesAt = patch.closesAt ?? a.closesAt;
  if (opensAt && closesAt && closesAt <= opensAt) {
    throw new DomainError("validation_failed", "closesAt must be after opensAt", { fields: { closesAt: "closesAt must be after opensAt" } });
  }
  // A quiz is due when it closes (as createAssignment sets it), so the two move together.
  const dueAt = a.kind === "QUIZ" && patch.closesAt ? patch.closesAt : patch.dueAt;
  // A quiz closing earlier ends its running attempts then too (never past closesAt + grace).
  const [updated] = await db.$transaction([
    db.assignment.update({ where: { id }, data: { ...patch, dueAt } }),
    ...(a.kind === "QUIZ" && patch.closesAt ? [shortenOpenAttempts(db, id, patch.closesAt)] : []),
  ]);
  if (a.kind === "REVIEW" && dueAt) await followDueDate(db, id, { dueAt });
  return updated;
}

export async function deleteAssignment(db: PrismaClient, teacherId: string, id: string) {
  await ownAssignment(db, teacherId, id);
  await db.assignment.delete({ where: { id } });
}

export async function setAccommodation(db: PrismaClient, teacherId: string, id: string, studentId: string, data: { timeFactor: number; extendedDueAt: Date | null }) {
  const a = await ownAssignment(db, teacherId, id);
  const enrolled = await db.enrollment.findUnique({ where: { classId_userId: { classId: a.classId, userId: studentId } } });
  if (!enrolled) throw new DomainError("not_found", "No such student in this class.");
  const saved = await db.accommodation.upsert({
    where: { assignmentId_userId: { assignmentId: id, userId: studentId } },
    create: { assignmentId: id, userId: studentId, ...data },
    update: data,
  });
  await followDueDate(db, id, { studentId, dueAt: data.extendedDueAt ?? a.dueAt });
  return saved;
}

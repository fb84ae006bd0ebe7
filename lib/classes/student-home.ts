// What a student's home page shows: today's review counts, their assignments (with the
// same status the teacher sees), quizzes open now and their classes.
import type { SessionUser } from "@/lib/auth/authenticate";
import type { ExamPlan, ProgressRow } from "@/lib/api/classes";
import { listAssignments } from "@/lib/classes/assignments";
import { listClasses } from "@/lib/classes/classes";
import { myExamPlans, myProgress } from "@/lib/classes/progress";
import { prisma } from "@/lib/db/client";
import { openAssignedAttempts } from "@/lib/quiz/store";
import { loadQueue } from "@/lib/review/load-queue";

export type StudentAssignment = Awaited<ReturnType<typeof listAssignments>>[number] & {
  progress: ProgressRow | null;
  /** Exam date mode: the cards a day to review to reach the target by the due date. */
  examPlan: ExamPlan | null;
  /** An attempt of this quiz still running: resume it rather than start another. */
  runningAttemptId: string | null;
};

export async function studentHome(user: SessionUser, now = new Date()) {
  const db = prisma();
  const [queue, assignments, progress, classes, running, plans] = await Promise.all([
    loadQueue(db, user.id, { limit: 1 }, now),
    listAssignments(db, user, now),
    myProgress(db, user.id, now),
    listClasses(db, user),
    openAssignedAttempts(db, user.id, now),
    myExamPlans(db, user.id, now),
  ]);
  const runningOf = new Map<string, string>();
  for (const r of running) if (r.assignmentId && !runningOf.has(r.assignmentId)) runningOf.set(r.assignmentId, r.id);
  const due = (a: { dueAt: string | null }) => (a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY);
  const items: StudentAssignment[] = assignments
    .map((a) => ({ ...a, progress: progress.get(a.id) ?? null, examPlan: plans.get(a.id) ?? null, runningAttemptId: runningOf.get(a.id) ?? null }))
    .sort((a, b) => due(a) - due(b));
  return { counts: queue.counts, assignments: items, classes };
}

// An assigned quiz attempt that is still running hides its deck's answers from the student
// taking it: the deck page, GET /api/decks/{id} and the results of the student's other
// quizzes on those cards wait until it is submitted or its clock (plus the grace) has run out.
import { ApiError } from "@/lib/api/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answersCloseAt, GRACE_SEC } from "./clock";

/** The student's running assigned attempt on this deck, if any (the one ending last). */
export async function runningAssignedQuiz(db: PrismaClient, userId: string, deckId: string, now = new Date()): Promise<{ attemptId: string; deadline: Date } | null> {
  const since = new Date(now.getTime() - GRACE_SEC * 1000);
  // LEAST skips NULLs: without a closing time the attempt's own deadline counts.
  const [row] = await db.$queryRaw<{ id: string; deadline: Date }[]>`
    SELECT q.id, LEAST(q.deadline, a."closesAt") AS deadline
      FROM "QuizAttempt" q JOIN "Assignment" a ON a.id = q."assignmentId"
     WHERE q."userId" = ${userId}::uuid AND q."deckId" = ${deckId}::uuid AND q."submittedAt" IS NULL
       AND LEAST(q.deadline, a."closesAt") >= ${since}
     ORDER BY 2 DESC LIMIT 1`;
  return row ? { attemptId: row.id, deadline: row.deadline } : null;
}

/** 409 while the student's assigned quiz on this deck runs. */
export async function assertDeckAnswersReadable(db: PrismaClient, userId: string, deckId: string, now = new Date()): Promise<void> {
  const running = await runningAssignedQuiz(db, userId, deckId, now);
  if (running) {
    throw new ApiError("conflict", "Your quiz on this deck is running: its cards are hidden until you submit it or its time is up.", {
      hiddenUntil: answersCloseAt(running.deadline).toISOString(),
    });
  }
}

/**
 * When the results of attempt `attemptId` may open: null now, or the deadline of the
 * student's running assigned attempt (another one) on a deck its questions come from.
 */
export async function resultsHiddenUntil(db: PrismaClient, userId: string, attemptId: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - GRACE_SEC * 1000);
  const [row] = await db.$queryRaw<{ deadline: Date }[]>`
    SELECT LEAST(r.deadline, a."closesAt") AS deadline
      FROM "QuizAttempt" r JOIN "Assignment" a ON a.id = r."assignmentId"
     WHERE r."userId" = ${userId}::uuid AND r.id <> ${attemptId}::uuid AND r."submittedAt" IS NULL
       AND LEAST(r.deadline, a."closesAt") >= ${since}
       AND r."deckId" IN (SELECT c."deckId" FROM "QuizQuestion" qq JOIN "Card" c ON c.id = qq."cardId" WHERE qq."attemptId" = ${attemptId}::uuid)
     ORDER BY 1 DESC LIMIT 1`;
  return row?.deadline ?? null;
}

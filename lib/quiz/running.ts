// An assigned quiz attempt that is still running hides its deck's answers from the student
// taking it: the deck page, GET /api/decks/{id}, the review queue (the deck's cards leave it),
// card history and the results of the student's other quizzes on those cards wait until it is
// submitted or its clock (plus the grace) has run out.
import { DomainError } from "@/lib/api/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answersCloseAt } from "./clock";
import { openAssignedAttemptDecks, openAssignedAttemptOnDeck, openAssignedAttemptSharingDecks } from "./store";

/** The student's running assigned attempt on this deck, if any (the one ending last). */
export function runningAssignedQuiz(db: PrismaClient, userId: string, deckId: string, now = new Date()): Promise<{ attemptId: string; deadline: Date } | null> {
  return openAssignedAttemptOnDeck(db, userId, deckId, now);
}

/** The refusal while the student's quiz on a deck runs; `deadline` is the attempt's. */
export function deckHidden(deadline: Date): DomainError {
  return new DomainError("conflict", "Your quiz on this deck is running: its cards are hidden until you submit it or its time is up.", {
    hiddenUntil: answersCloseAt(deadline).toISOString(),
  });
}

/** 409 while the student's assigned quiz on this deck runs. */
export async function assertDeckAnswersReadable(db: PrismaClient, userId: string, deckId: string, now = new Date()): Promise<void> {
  const running = await runningAssignedQuiz(db, userId, deckId, now);
  if (running) throw deckHidden(running.deadline);
}

/** The decks whose answers are hidden from the student now, each with its running attempt's deadline. */
export function decksHiddenByQuiz(db: PrismaClient, userId: string, now = new Date()): Promise<Map<string, Date>> {
  return openAssignedAttemptDecks(db, userId, now);
}

/**
 * When the results of attempt `attemptId` may open: null now, or the deadline of the
 * student's running assigned attempt (another one) on a deck its questions come from.
 */
export function resultsHiddenUntil(db: PrismaClient, userId: string, attemptId: string, now = new Date()): Promise<Date | null> {
  return openAssignedAttemptSharingDecks(db, userId, attemptId, now);
}

// Exam date mode, the teacher's side: how many cards a student still has to review, and so
// how many a day, to reach a review assignment's target recall by its due date.
//
// The model. A student reaches the target when their predicted recall on the due date (the
// mean FSRS retrievability of the deck's cards on that learner day, an unstudied card 0:
// lib/classes/progress-store.ts) is at least the target, with every card studied (what
// "complete" asks). Each studied card below the target falls short by (target - R); each
// card above it has (R - target) to spare. A card reviewed before the due date is counted
// as reaching exactly the target then: what a review scheduled at a retention at or above
// the target (exam mode's) guarantees, and no more. So the fewest cards to review are every
// unstudied card, then the studied cards furthest below the target until the shortfall
// left is covered by the spare (cardsToLift). Those reviews spread evenly over the
// learner days left (the due day included: it still has hours before the deadline),
// rounded up. Reviews the scheduler would bring anyway are not subtracted: the figure is
// what the student needs from where they stand today.
import type { ExamPlan } from "@/lib/api/classes";


/** Rounding in sums must not ask for a review of a card whose shortfall the spare just covers. */
export const SPARE_EPSILON = 1e-9;

/**
 * How many studied cards to review: the largest shortfalls first, until the shortfall left
 * is at most the spare (the sum of R - target over the cards at or above the target).
 */
export function cardsToLift(shortfalls: readonly number[], spare: number): number {
  const sorted = shortfalls.filter((s) => s > 0).sort((a, b) => b - a);
  let left = sorted.reduce((sum, s) => sum + s, 0);
  let lifted = 0;
  for (const s of sorted) {
    if (left <= spare + SPARE_EPSILON) break;
    left -= s;
    lifted += 1;
  }
  return lifted;
}

export type ExamPlanInput = {
  /** The deck's live cards, and of them those the student has studied. */
  cardsTotal: number;
  cardsStarted: number;
  /** Studied cards to review (cardsToLift). */
  studiedToReview: number;
  /** Whole learner days from today to the due day (0: due today); negative: the due date has passed. */
  daysLeft: number;
};

/** The reviews the student needs; null when the due date has passed or the deck is empty. */
export function examPlan(p: ExamPlanInput): ExamPlan | null {
  if (p.daysLeft < 0 || p.cardsTotal === 0) return null;
  const cards = Math.max(0, p.cardsTotal - p.cardsStarted) + p.studiedToReview;
  const days = p.daysLeft + 1;
  return { cardsToReview: cards, daysLeft: days, perDay: Math.ceil(cards / days) };
}

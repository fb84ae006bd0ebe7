// Exam date mode, the teacher's side: how many cards a student still has to review, and so
// how many a day, to reach a review assignment's target recall by its due date.
//
// The model. A student reaches the target when their predicted recall on the due date (the
// mean FSRS retrievability of the deck's cards on that learner day, an unstudied card 0:
// lib/classes/progress-store.ts) is at least the target, with every card studied (what
// "complete" asks). Each card below the target falls short by (target - R); each card above
// it has (R - target) to spare. A card reviewed before the due date is counted as reaching
// exactly the target then: what a review scheduled at a retention at or above the target
// (exam mode's) guarantees, and no more. So the fewest cards to review are every unstudied
// card, then the studied cards furthest below the target, until the shortfall left is
// covered by the spare. Those reviews spread evenly over the learner days left (the due
// day included: it still has hours before the deadline), rounded up. Reviews the
// scheduler would bring anyway are not subtracted: the figure is what the student needs
// from where they stand today.

export type ExamPlanInput = {
  targetRecall: number;
  /** The deck's live cards. */
  cardsTotal: number;
  /** Of them, cards the student has studied. */
  cardsStarted: number;
  /** Predicted recall on the due date of each studied card below the target (any order). */
  belowTarget: readonly number[];
  /** Sum of (R - target) over the studied cards at or above it. */
  spare: number;
  /** Whole learner days from today to the due day (0: due today); negative: the due date has passed. */
  daysLeft: number;
};

export type ExamPlan = { cardsToReview: number; daysLeft: number; perDay: number };

// Rounding in the SQL's sums must not ask for a review of a card exactly on target.
const EPSILON = 1e-9;

/** The reviews the student needs; null when the due date has passed or the deck is empty. */
export function examPlan(p: ExamPlanInput): ExamPlan | null {
  if (p.daysLeft < 0 || p.cardsTotal === 0) return null;
  const unstudied = Math.max(0, p.cardsTotal - p.cardsStarted);
  const shortfalls = p.belowTarget.map((r) => p.targetRecall - r).sort((a, b) => b - a);
  let left = shortfalls.reduce((sum, s) => sum + s, 0);
  let cards = unstudied;
  for (const s of shortfalls) {
    if (left <= p.spare + EPSILON) break;
    left -= s;
    cards += 1;
  }
  const days = p.daysLeft + 1;
  return { cardsToReview: cards, daysLeft: days, perDay: Math.ceil(cards / days) };
}

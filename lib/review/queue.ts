// Today's review queue, in Anki's order:
//   1. (re)learning cards that are due now, earliest first;
//   2. review cards due before the learner's day ends, earliest first, up to
//      what is left of reviewsPerDay;
//   3. new cards in deck order, up to what is left of newPerDay;
//   4. (re)learning cards due within the learn-ahead window, so a session
//      doesn't end while a 1-minute step is about to come due.
// The DB layer fetches the candidates with the cutoffs exported here.
import { LEARN_AHEAD_MS, type QueueKind } from "@/lib/api/review";
import { CardPhase, type SrsState } from "@/lib/srs/state";
import { learnerDay } from "@/lib/srs/learner-day";
import type { ReviewSettings } from "@/lib/learner/settings";

export type QueueEntry = { cardId: string; kind: QueueKind };
export type QueueCounts = Record<QueueKind, number>;
export type Queue = { cards: QueueEntry[]; counts: QueueCounts };

/**
 * Grades given since learnerDay().start (undone ones excluded): newCount
 * counts reviews whose stateBefore was null (first grade of a card),
 * reviewCount those whose stateBefore.state was Review.
 */
export type DoneToday = { newCount: number; reviewCount: number };

export type QueueInput = {
  now: Date;
  settings: ReviewSettings;
  /** The learner's stored states in the deck scope (any due date). */
  states: readonly { cardId: string; state: SrsState }[];
  /** Cards the learner never graded, in deck order. */
  newCardIds: readonly string[];
  doneToday: DoneToday;
  /** At most this many entries in `cards`; counts are not limited by it. */
  limit?: number;
};

/** Review cards with `due` before this instant belong in today's queue: the end of the learner's day. */
export function dueCutoff(now: Date, settings: ReviewSettings): Date {
  return learnerDay(now, settings.timezone, settings.rolloverHour).end;
}

/** (Re)learning cards with `due` at or before this instant belong in the queue. */
export function learnAheadCutoff(now: Date): Date {
  return new Date(now.getTime() + LEARN_AHEAD_MS);
}

/** How many more new and review cards today's limits allow. */
export function remainingToday(settings: ReviewSettings, done: DoneToday): { newCards: number; reviews: number } {
  return {
    newCards: Math.max(0, settings.newPerDay - done.newCount),
    reviews: Math.max(0, settings.reviewsPerDay - done.reviewCount),
  };
}

type Candidate = { cardId: string; state: SrsState };

const byDue = (a: Candidate, b: Candidate) =>
  a.state.due.getTime() - b.state.due.getTime() || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);

const isLearning = (state: SrsState) =>
  state.state === CardPhase.Learning || state.state === CardPhase.Relearning;

export function buildQueue(input: QueueInput): Queue {
  const { now, settings } = input;
  const nowMs = now.getTime();
  const reviewCutoff = dueCutoff(now, settings).getTime();
  const aheadCutoff = learnAheadCutoff(now).getTime();
  const remaining = remainingToday(settings, input.doneToday);

  const learningNow: Candidate[] = [];
  const learningAhead: Candidate[] = [];
  const reviews: Candidate[] = [];
  // A stored state in phase New is never produced by grading, but if one
  // exists it is a new card, not something to drop silently.
  const studiedIds = new Set<string>();
  const newFromStates: string[] = [];
  for (const candidate of input.states) {
    const { state } = candidate;
    const due = state.due.getTime();
    studiedIds.add(candidate.cardId);
    if (isLearning(state)) {
      if (due <= nowMs) learningNow.push(candidate);
      else if (due <= aheadCutoff) learningAhead.push(candidate);
    } else if (state.state === CardPhase.Review) {
      if (due < reviewCutoff) reviews.push(candidate);
    } else {
      newFromStates.push(candidate.cardId);
    }
  }
  const fresh = [...newFromStates, ...input.newCardIds.filter((id) => !studiedIds.has(id))].slice(
    0,
    remaining.newCards,
  );
  const dueReviews = reviews.sort(byDue).slice(0, remaining.reviews);

  const entries = (list: readonly Candidate[], kind: QueueKind): QueueEntry[] =>
    list.map(({ cardId }) => ({ cardId, kind }));
  const cards = [
    ...entries(learningNow.sort(byDue), "learning"),
    ...entries(dueReviews, "review"),
    ...fresh.map((cardId): QueueEntry => ({ cardId, kind: "new" })),
    ...entries(learningAhead.sort(byDue), "learning"),
  ];
  return {
    cards: cards.slice(0, Math.max(0, input.limit ?? cards.length)),
    counts: {
      learning: learningNow.length + learningAhead.length,
      review: dueReviews.length,
      new: fresh.length,
    },
  };
}

// A simulated learner, for testing the optimizer: cards are scheduled by the app's default
// FSRS-6 weights, but the learner's memory follows other ("true") weights, and each review
// is recalled with the probability the true model gives. Their log is what a real learner
// with that memory would leave; fitting it should recover weights closer to the truth.
// Days are whole numbers (no same-day steps), which is what the optimizer's items count.
import seedrandom from "seedrandom";
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";
import { defaultWeights } from "./weights";

export type SimulatedReview = { cardId: string; day: number; rating: 1 | 2 | 3 | 4 };

export type SimulationOptions = {
  /** The learner's memory. */
  trueWeights: readonly number[];
  cards: number;
  /** Stop once this many reviews were made. */
  reviews: number;
  /** New cards introduced per day. */
  newPerDay?: number;
  seed?: string;
};

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 1);
const at = (day: number) => new Date(EPOCH + day * DAY_MS);

/** The first-review rating given recall: mostly Good, some Hard and Easy. */
function passRating(u: number): Grade {
  return u < 0.15 ? Rating.Hard : u < 0.9 ? Rating.Good : Rating.Easy;
}

/** Reviews in the order they happened (by day, then card). */
export function simulateLearner({ trueWeights, cards, reviews, newPerDay = 20, seed = "sim" }: SimulationOptions): SimulatedReview[] {
  const rng = seedrandom(seed);
  const common = { enable_fuzz: false, enable_short_term: false, request_retention: 0.9 };
  const scheduler = fsrs({ ...common, w: defaultWeights() });
  const memory = fsrs({ ...common, w: [...trueWeights] });
  type Sim = { id: string; shown: Card; truth: Card; due: number };
  const active: Sim[] = [];
  const log: SimulatedReview[] = [];
  for (let day = 0, introduced = 0; log.length < reviews; day++) {
    for (let i = 0; i < newPerDay && introduced < cards; i++, introduced++) {
      active.push({ id: `sim-${introduced}`, shown: createEmptyCard(at(day)), truth: createEmptyCard(at(day)), due: day });
    }
    if (introduced >= cards && active.every((c) => c.due > day + 3650)) break;
    for (const card of active) {
      if (card.due !== day || log.length >= reviews) continue;
      const isNew = card.truth.reps === 0;
      const recall = isNew ? 0.7 + 0.25 * rng() : memory.get_retrievability(card.truth, at(day), false);
      const rating = rng() < recall ? passRating(rng()) : Rating.Again;
      card.shown = scheduler.next(card.shown, at(day), rating).card;
      card.truth = memory.next(card.truth, at(day), rating).card;
      card.due = day + Math.max(1, Math.round((card.shown.due.getTime() - at(day).getTime()) / DAY_MS));
      log.push({ cardId: card.id, day, rating });
    }
  }
  return log;
}

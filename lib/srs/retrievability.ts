// Probability that the learner recalls a card at a given moment (FSRS-6
// forgetting curve, with the decay taken from the scheduler's weights).
import { computeDecayFactor } from "ts-fsrs";
import { createEngine } from "./engine";
import { learnerDaysBetween } from "./learner-clock";
import type { SrsParams } from "./params";
import { CardPhase, type SrsState } from "./state";

/**
 * R in [0, 1]; 0 for a card never studied. Elapsed time is counted in whole
 * learner days, the same count the scheduler uses when the card is graded, so
 * this is the R a review at `at` would be scheduled from.
 */
export function retrievability(state: SrsState | null, at: Date, params: SrsParams): number {
  return retrievabilityFor(params)(state, at);
}

/** retrievability() with the curve built once, for scoring many cards under the same params. */
export function retrievabilityFor(params: SrsParams): (state: SrsState | null, at: Date) => number {
  const curve = createEngine(params).forgetting_curve;
  return (state, at) => {
    if (!state || state.state === CardPhase.New || !state.lastReview) return 0;
    const elapsedDays = Math.max(0, learnerDaysBetween(state.lastReview, at, params));
    return curve(elapsedDays, state.stability);
  };
}

/**
 * The forgetting curve's constants, R(t, S) = (1 + factor · t / S) ^ decay, for code that
 * must evaluate it where ts-fsrs cannot run (in SQL over many rows: lib/classes/progress.ts).
 */
export function forgettingCurveConstants(params: SrsParams): { decay: number; factor: number } {
  return computeDecayFactor(createEngine(params).parameters.w);
}

/**
 * Days of interval per day of stability at `params`' desired retention (ts-fsrs's interval
 * modifier, before it rounds and clamps), for SQL that must reschedule many cards at once:
 * the queue's exam mode (lib/review/store.ts).
 */
export function intervalPerStability(params: SrsParams): number {
  return createEngine(params).interval_modifier;
}

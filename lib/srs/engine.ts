// The one place a ts-fsrs scheduler is configured. ts-fsrs 6 changes this API,
// so everything version-specific about building a scheduler stays here.
import { fsrs, StrategyMode, type FSRS } from "ts-fsrs";
import type { SrsParams } from "./params";

/**
 * A ts-fsrs scheduler for `params`. `fuzzSeed` replaces ts-fsrs's default seed
 * (review time × reps × memory state) with a caller-chosen string, so the fuzz
 * of a review is a pure function of who/what/which review, never of the clock.
 */
export function createEngine(params: SrsParams, fuzzSeed?: string): FSRS {
  const engine = fsrs({
    request_retention: params.desiredRetention,
    maximum_interval: params.maximumIntervalDays,
    enable_fuzz: params.enableFuzz,
    // Short-term scheduling = honour (re)learning steps and same-day reviews.
    enable_short_term: true,
    learning_steps: params.learningSteps,
    relearning_steps: params.relearningSteps,
    ...(params.weights ? { w: params.weights } : {}),
  });
  if (fuzzSeed !== undefined) engine.useStrategy(StrategyMode.SEED, () => fuzzSeed);
  return engine;
}

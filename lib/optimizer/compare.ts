// Fit a learner's weights and judge them against the current ones, as Anki does: the new
// weights are offered only if they predict better. Judged on a time-series split (fit on
// the earlier 80 % of the reviews, score both sets on the later 20 %), so the new weights
// are judged on reviews they were not fitted on.
import { fitWeights, score, type FitOptions, type Metrics } from "./fit";
import { timeSeriesSplit, toItems, type LoggedReview } from "./items";

/**
 * What the fit could do with the data (fsrs-rs's own thresholds):
 * - "too-few": so few reviews that the optimizer kept the defaults;
 * - "initial-only": few reviews, only the initial stabilities (w0–w3) were fitted;
 * - "full": every weight was fitted.
 */
export type FitStage = "too-few" | "initial-only" | "full";

export type Comparison = {
  reviews: number;
  trainItems: number;
  testItems: number;
  stage: FitStage;
  weights: number[];
  /** Scores on the held-out reviews; null when they are too few to score. */
  current: Metrics | null;
  fitted: Metrics | null;
  /** Lower log loss on the held-out reviews: only then are the new weights applied. */
  better: boolean;
};

const SAME = 1e-6;

export function fitStage(fitted: readonly number[], start: readonly number[]): FitStage {
  const changed = fitted.map((w, i) => Math.abs(w - start[i]!) > SAME);
  if (!changed.some(Boolean)) return "too-few";
  return changed.slice(4).some(Boolean) ? "full" : "initial-only";
}

function tryScore(weights: readonly number[], items: Parameters<typeof score>[1]): Metrics | null {
  if (items.length === 0) return null;
  try {
    return score(weights, items);
  } catch {
    return null; // fsrs-rs: "NotEnoughData" for a handful of items
  }
}

/** `log`: live reviews in time order; `current`: the weights in use; `defaults`: what the optimizer starts from. */
export async function compareFit(log: readonly LoggedReview[], current: readonly number[], defaults: readonly number[], options: FitOptions = {}): Promise<Comparison> {
  const { train, test } = timeSeriesSplit(toItems(log));
  const weights = await fitWeights(train, options);
  const stage = fitStage(weights, defaults);
  const currentScore = tryScore(current, test);
  const fittedScore = stage === "too-few" ? null : tryScore(weights, test);
  return {
    reviews: log.length,
    trainItems: train.length,
    testItems: test.length,
    stage,
    weights,
    current: currentScore,
    fitted: fittedScore,
    better: currentScore !== null && fittedScore !== null && fittedScore.logLoss < currentScore.logLoss,
  };
}

// The fsrs-rs optimizer (@open-spaced-repetition/binding, a native module: listed in
// serverExternalPackages) behind a small interface: fit weights to training items, and
// score weights on items by log loss and RMSE (bins), the optimizer's own metrics.
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import type { TrainingItem } from "./items";

export type Metrics = { logLoss: number; rmseBins: number };

function toBinding(items: readonly TrainingItem[]): FSRSBindingItem[] {
  return items.map((item) => new FSRSBindingItem(item.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
}

export type FitOptions = {
  /** Called as training advances; return false to stop. */
  onProgress?: (done: number, total: number) => void;
  /** Milliseconds between progress calls. */
  progressEveryMs?: number;
};

/**
 * Weights fitted to `items`. fsrs-rs applies its own thresholds: with too few reviews it
 * returns the default weights, with few it fits only the initial stabilities (w0–w3).
 */
export async function fitWeights(items: readonly TrainingItem[], { onProgress, progressEveryMs = 500 }: FitOptions = {}): Promise<number[]> {
  return computeParameters(toBinding(items), {
    // Days only: the app's same-day (re)learning steps are scheduled by its step settings.
    enableShortTerm: false,
    progress: onProgress ? (done, total) => void onProgress(done, total) : undefined,
    timeout: progressEveryMs,
  });
}

/** How well `weights` predict the outcome of each item's last review. */
export function score(weights: readonly number[], items: readonly TrainingItem[]): Metrics {
  const { logLoss, rmseBins } = new FSRSBinding([...weights]).evaluate(toBinding(items));
  return { logLoss, rmseBins };
}

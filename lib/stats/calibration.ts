// Calibration: does "predicted recall 80 %" mean 80 %? Reviews and quiz answers are bucketed
// by the recall the scheduler predicted for them (tenths), and each bucket's mean prediction
// is set against the share actually recalled (a review graded Hard, Good or Easy; a quiz
// answer right). The error is summarised as
// RMSE over the bins, weighted by their counts (the FSRS benchmark's "RMSE (bins)"), and
// as the expected calibration error (mean absolute gap, weighted the same way).

export const CALIBRATION_BINS = 10;

/** One bucket's sums from one source: reviews, or quiz answers. */
export type BinRow = { source: "review" | "quiz"; bucket: number; n: number; predictedSum: number; recalled: number };
export type CalibrationBin = { from: number; to: number; count: number; predicted: number | null; observed: number | null };
export type Calibration = { reviews: number; quizAnswers: number; bins: CalibrationBin[]; rmseBins: number | null; ece: number | null };

export function calibration(rows: readonly BinRow[]): Calibration {
  const bins: CalibrationBin[] = Array.from({ length: CALIBRATION_BINS }, (_, i) => ({ from: i / CALIBRATION_BINS, to: (i + 1) / CALIBRATION_BINS, count: 0, predicted: null, observed: null }));
  const sums = bins.map(() => ({ n: 0, predicted: 0, recalled: 0 }));
  const bySource = { review: 0, quiz: 0 };
  for (const r of rows) {
    bySource[r.source] += r.n;
    if (!(r.bucket >= 0 && r.bucket < CALIBRATION_BINS)) throw new RangeError(`bucket ${r.bucket} outside 0..${CALIBRATION_BINS - 1}`);
    const s = sums[r.bucket]!;
    s.n += r.n;
    s.predicted += r.predictedSum;
    s.recalled += r.recalled;
  }
  let total = 0;
  let squared = 0;
  let absolute = 0;
  sums.forEach((s, i) => {
    if (s.n === 0) return;
    const predicted = s.predicted / s.n;
    const observed = s.recalled / s.n;
    bins[i] = { ...bins[i]!, count: s.n, predicted, observed };
    total += s.n;
    squared += s.n * (predicted - observed) ** 2;
    absolute += s.n * Math.abs(predicted - observed);
  });
  return { reviews: bySource.review, quizAnswers: bySource.quiz, bins, rmseBins: total ? Math.sqrt(squared / total) : null, ece: total ? absolute / total : null };
}

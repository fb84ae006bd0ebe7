import { describe, expect, it } from "vitest";
import { calibration } from "./calibration";

describe("calibration", () => {
  it("sets each bin's mean prediction against the share recalled, with the weighted errors (hand-computed)", () => {
    // Bin 9: 10 reviews predicted 0.95 on average, 8 recalled (gap 0.15); bin 5: 30 predicted 0.55, 18 recalled (gap 0.05).
    // Bin 5 sums 20 reviews (predicted 11.0 in all, 12 recalled) and 10 quiz answers (5.5, 6 right).
    const c = calibration([
      { source: "review", bucket: 9, n: 10, predictedSum: 9.5, recalled: 8 },
      { source: "review", bucket: 5, n: 20, predictedSum: 11, recalled: 12 },
      { source: "quiz", bucket: 5, n: 10, predictedSum: 5.5, recalled: 6 },
    ]);
    expect(c.reviews).toBe(30);
    expect(c.quizAnswers).toBe(10);
    expect(c.bins[5]!.count).toBe(30);
    expect(c.bins[9]).toEqual({ from: 0.9, to: 1, count: 10, predicted: 0.95, observed: 0.8 });
    expect(c.bins[5]!.predicted).toBeCloseTo(0.55, 12);
    expect(c.bins[5]!.observed).toBeCloseTo(0.6, 12);
    expect(c.bins[0]).toEqual({ from: 0, to: 0.1, count: 0, predicted: null, observed: null });
    // RMSE(bins) = sqrt((10 · 0.15² + 30 · 0.05²) / 40) = sqrt(0.3 / 40) = 0.0866; ECE = (1.5 + 1.5) / 40 = 0.075.
    expect(c.rmseBins).toBeCloseTo(Math.sqrt(0.3 / 40), 12);
    expect(c.ece).toBeCloseTo(0.075, 12);
  });

  it("has no error without reviews, and refuses a bucket outside the bins", () => {
    expect(calibration([])).toMatchObject({ reviews: 0, quizAnswers: 0, rmseBins: null, ece: null });
    expect(() => calibration([{ source: "quiz", bucket: 10, n: 1, predictedSum: 1, recalled: 1 }])).toThrow(RangeError);
  });
});

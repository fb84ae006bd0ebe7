import { describe, expect, it } from "vitest";
import { forecastSummary, heatmapSummary, histogramSummary, retentionSummary } from "./summaries";

const r = (passed: number, failed: number) => ({ passed, failed, rate: passed + failed ? passed / (passed + failed) : null });

describe("chart summaries (what a screen reader reads for each chart)", () => {
  it("describes the heatmap with totals, streaks and the busiest day", () => {
    expect(heatmapSummary({ days: [{ day: "2026-03-01", reviews: 4 }, { day: "2026-03-02", reviews: 9 }], totalReviews: 13, daysStudied: 2, streak: { current: 2, longest: 2 } })).toBe(
      "13 reviews on 2 days of the past year. Current streak: 2 days; longest: 2 days. Busiest day: 2026-03-02 (9 reviews).",
    );
    expect(heatmapSummary({ days: [], totalReviews: 0, daysStudied: 0, streak: { current: 0, longest: 0 } })).toBe("No reviews in the past year yet.");
  });

  it("describes the forecast", () => {
    expect(forecastSummary([{ day: "2026-03-04", due: 3 }, { day: "2026-03-05", due: 0 }, { day: "2026-03-06", due: 5 }])).toBe(
      "8 cards due in the next 3 days: 3 today (overdue included), 0 tomorrow. Busiest day: 2026-03-06 (5 cards).",
    );
    expect(forecastSummary([{ day: "2026-03-04", due: 0 }])).toBe("No cards due in the next 1 days.");
  });

  it("describes retention, young and mature", () => {
    const overall = { young: r(2, 1), mature: r(0, 0), all: r(2, 1) };
    expect(retentionSummary({ overall, weeks: [{ week: "2026-03-02", reviews: 3, ...overall }] })).toBe(
      "True retention of review cards, all time: 67% (2 of 3 passed); young cards (interval under 21 days) 67% (2 of 3 passed); mature cards no reviews yet. Latest week with reviews, from 2026-03-02: 67% (2 of 3 passed).",
    );
  });

  it("lists the non-empty buckets of a distribution", () => {
    expect(histogramSummary("Difficulty", [{ label: "1–2", count: 0 }, { label: "2–3", count: 4 }, { label: "3–4", count: 1 }])).toBe("Difficulty of 5 studied cards: 2–3: 4; 3–4: 1.");
    expect(histogramSummary("Difficulty", [{ label: "1–2", count: 0 }])).toBe("No studied cards yet.");
  });
});

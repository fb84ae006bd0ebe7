import { describe, expect, it } from "vitest";
import { addDays, daysFrom, heatLevel, streaks } from "./calendar";
import { difficultyLabels, histogram, retrievabilityBucket, retrievabilityLabels, stabilityLabels } from "./distributions";
import { forecastDays } from "./forecast";
import { recallAfter } from "./recall";
import { mondayOf, retention, retentionByWeek, weekRows, type WeekRow } from "./retention";

describe("calendar", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(daysFrom("2025-12-25", "2026-01-04")).toBe(10);
  });

  it("counts the current streak from today, or from yesterday while today has no reviews yet", () => {
    const days = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"];
    expect(streaks(days, "2026-03-06")).toEqual({ current: 2, longest: 3 });
    // Today (the 7th) not studied yet: the run ending yesterday still counts.
    expect(streaks(days, "2026-03-07")).toEqual({ current: 2, longest: 3 });
    // Two days without: broken.
    expect(streaks(days, "2026-03-08")).toEqual({ current: 0, longest: 3 });
    expect(streaks([], "2026-03-08")).toEqual({ current: 0, longest: 0 });
  });

  it("runs across a month end and ignores duplicates and order", () => {
    expect(streaks(["2026-03-01", "2026-02-28", "2026-02-27", "2026-03-01"], "2026-03-01")).toEqual({ current: 3, longest: 3 });
  });

  it("shades days by quarter of the busiest day", () => {
    expect([0, 1, 25, 26, 50, 51, 75, 76, 100].map((n) => heatLevel(n, 100))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });
});

describe("forecast", () => {
  it("adds overdue cards to today, fills empty days and drops days past the horizon", () => {
    const rows = [
      { offset: -3, n: 2 },
      { offset: -1, n: 1 },
      { offset: 0, n: 4 },
      { offset: 2, n: 5 },
      { offset: 4, n: 9 },
      { offset: 30, n: 7 },
    ];
    expect(forecastDays(rows, "2026-01-30", 4)).toEqual([
      { day: "2026-01-30", due: 7 },
      { day: "2026-01-31", due: 0 },
      { day: "2026-02-01", due: 5 },
      { day: "2026-02-02", due: 0 },
    ]);
    expect(forecastDays([], "2026-01-30")).toHaveLength(30);
  });
});

describe("retention", () => {
  it("is the share passed, null without reviews", () => {
    expect(retention({ passed: 9, failed: 1 }).rate).toBe(0.9);
    expect(retention({ passed: 0, failed: 0 }).rate).toBeNull();
  });

  it("takes weeks from Monday, as Postgres' date_trunc does", () => {
    expect(mondayOf("2026-03-04")).toBe("2026-03-02"); // a Wednesday
    expect(mondayOf("2026-03-02")).toBe("2026-03-02");
    expect(mondayOf("2026-03-08")).toBe("2026-03-02"); // Sunday ends the ISO week
  });

  it("sums day rows into weeks starting on Monday", () => {
    const day = (d: string, reviews: number, youngPassed: number, matureFailed: number) => ({ day: d, reviews, youngPassed, youngFailed: 0, maturePassed: 0, matureFailed });
    expect(weekRows([day("2026-03-01", 2, 1, 0), day("2026-03-02", 3, 1, 1), day("2026-03-08", 4, 2, 0), day("2026-03-09", 1, 0, 0)])).toEqual([
      { week: "2026-02-23", reviews: 2, youngPassed: 1, youngFailed: 0, maturePassed: 0, matureFailed: 0 },
      { week: "2026-03-02", reviews: 7, youngPassed: 3, youngFailed: 0, maturePassed: 0, matureFailed: 1 },
      { week: "2026-03-09", reviews: 1, youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0 },
    ]);
  });

  it("splits young and mature per week and overall (hand-computed)", () => {
    const rows: WeekRow[] = [
      { week: "2026-02-16", reviews: 12, youngPassed: 3, youngFailed: 1, maturePassed: 0, matureFailed: 0 },
      { week: "2026-03-02", reviews: 20, youngPassed: 6, youngFailed: 2, maturePassed: 9, matureFailed: 1 },
      // Older than the window: only in the overall figures.
      { week: "2025-01-06", reviews: 5, youngPassed: 1, youngFailed: 1, maturePassed: 0, matureFailed: 0 },
    ];
    const { weeks, overall } = retentionByWeek(rows, "2026-03-04", 3);
    expect(weeks.map((w) => [w.week, w.reviews, w.young.rate, w.mature.rate, w.all.rate])).toEqual([
      ["2026-02-16", 12, 0.75, null, 0.75],
      ["2026-02-23", 0, null, null, null],
      ["2026-03-02", 20, 0.75, 0.9, 15 / 18],
    ]);
    expect(overall.young).toEqual({ passed: 10, failed: 4, rate: 10 / 14 });
    expect(overall.mature).toEqual({ passed: 9, failed: 1, rate: 0.9 });
    expect(overall.all).toEqual({ passed: 19, failed: 5, rate: 19 / 24 });
  });
});

describe("distributions", () => {
  it("labels the buckets", () => {
    expect(stabilityLabels()).toEqual(["< 1 d", "1–3 d", "3–7 d", "7–14 d", "14–30 d", "30–90 d", "90–180 d", "180–365 d", "≥ 365 d"]);
    expect(difficultyLabels()).toHaveLength(9);
    expect(difficultyLabels()[8]).toBe("9–10");
    expect(retrievabilityLabels()[0]).toBe("0–10 %");
    expect(retrievabilityLabels()[9]).toBe("90–100 %");
  });

  it("fills a histogram from aggregate rows and refuses an index it has no label for", () => {
    expect(histogram([{ bucket: 2, n: 5 }, { bucket: 0, n: 1 }], ["a", "b", "c"])).toEqual([
      { label: "a", count: 1 },
      { label: "b", count: 0 },
      { label: "c", count: 5 },
    ]);
    expect(() => histogram([{ bucket: 3, n: 1 }], ["a", "b", "c"])).toThrow(RangeError);
  });

  it("puts R = 1 in the top bucket", () => {
    expect([0, 0.05, 0.1, 0.899, 0.9, 1].map(retrievabilityBucket)).toEqual([0, 0, 1, 8, 9, 9]);
  });
});

describe("recall", () => {
  // FSRS-6 defaults: decay = -0.1542, factor = 0.9^(1/decay) - 1, so R(S, S) = 0.9 exactly.
  const decay = -0.1542;
  const curve = { decay, factor: Math.pow(0.9, 1 / decay) - 1 };

  it("is 1 on the day of the review and 0.9 after one stability", () => {
    expect(recallAfter(0, 10, curve)).toBe(1);
    expect(recallAfter(10, 10, curve)).toBeCloseTo(0.9, 12);
  });

  it("matches hand-computed values", () => {
    // factor = 0.9^(-1/0.1542) - 1 = e^0.68327 - 1 = 0.98035; R(30, 10) = (1 + 3 · 0.98035)^-0.1542 = 3.94104^-0.1542 = 0.80938
    expect(curve.factor).toBeCloseTo(0.98035, 4);
    expect(recallAfter(30, 10, curve)).toBeCloseTo(0.80938, 4);
    expect(recallAfter(-2, 10, curve)).toBe(1); // a clock set back counts as no time
    expect(recallAfter(5, 0, curve)).toBe(0);
  });
});

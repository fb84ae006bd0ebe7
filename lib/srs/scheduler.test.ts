import seedrandom from "seedrandom";
import { createEmptyCard, fsrs, StrategyMode, type Card, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { learnerDay } from "./learner-day";
import { next, preview, RATINGS, type Rating, type SrsParams } from "./scheduler";
import { CardPhase, fromFsrsCard, type SrsState } from "./state";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);

const base: SrsParams = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  enableFuzz: true,
  timezone: "UTC",
  rolloverHour: 0,
};

/** ts-fsrs used directly, configured the way the adapter promises to configure it. */
function oracle(params: SrsParams, seed: string) {
  return fsrs({
    request_retention: params.desiredRetention,
    maximum_interval: params.maximumIntervalDays,
    enable_fuzz: params.enableFuzz,
    enable_short_term: true,
    learning_steps: params.learningSteps,
    relearning_steps: params.relearningSteps,
  }).useStrategy(StrategyMode.SEED, () => seed);
}

const shifted = (card: Card, byMs: number): Card => ({
  ...card,
  due: new Date(card.due.getTime() + byMs),
  last_review: card.last_review && new Date(card.last_review.getTime() + byMs),
});

// A fixed study history: [rating, hours since the previous review].
const HISTORY: [Rating, number][] = [
  [3, 0], [3, 0.2], [3, 20], [3, 70], [1, 300], [3, 0.2], [2, 30], [4, 200], [3, 900], [1, 4000], [2, 0.5], [3, 26],
];

describe("next() against ts-fsrs as an oracle", () => {
  it("in UTC with a midnight rollover it is exactly ts-fsrs's next()", () => {
    let ours: SrsState | null = null;
    let theirs: Card = createEmptyCard(at("2026-02-01T10:00:00Z"));
    let now = at("2026-02-01T10:00:00Z");
    for (const [rating, gapHours] of HISTORY) {
      now = new Date(now.getTime() + gapHours * HOUR);
      ours = next(ours, rating, now, base, "learner:card");
      theirs = oracle(base, `learner:card#${theirs.reps + 1}`).next(theirs, now, rating as Grade).card;
      expect(ours).toEqual({ ...fromFsrsCard(theirs), lastReview: now });
    }
  });

  it("in New York with a 4 a.m. rollover ts-fsrs sees learner day times (wall clock − 4 h)", () => {
    // January: New York is UTC−5 all month, so the day time is simply t − 9 h.
    const params: SrsParams = { ...base, timezone: "America/New_York", rolloverHour: 4 };
    const toDayTime = -9 * HOUR;
    let ours: SrsState | null = null;
    let theirs: Card = createEmptyCard(new Date(Date.parse("2026-01-05T05:00:00Z") + toDayTime));
    let now = at("2026-01-05T05:00:00Z");
    for (const [rating, gapHours] of HISTORY.filter(([, gap]) => gap < 500)) {
      now = new Date(now.getTime() + gapHours * HOUR);
      ours = next(ours, rating, now, params, "learner:card");
      const dayNow = new Date(now.getTime() + toDayTime);
      theirs = oracle(params, `learner:card#${theirs.reps + 1}`).next(theirs, dayNow, rating as Grade).card;
      expect(ours).toEqual({ ...fromFsrsCard(shifted(theirs, -toDayTime)), lastReview: now });
    }
  });

  it("counts the days between two reviews in learner days, not UTC dates", () => {
    // 00:30 EST Jan 10 (learner day Jan 9, UTC date Jan 10) then 23:00 EST Jan 10 (learner day Jan 10, UTC Jan 11).
    const ny: SrsParams = { ...base, timezone: "America/New_York", rolloverHour: 4, enableFuzz: false };
    const reviewed: SrsState = {
      due: at("2026-01-10T05:30:00Z"),
      stability: 5,
      difficulty: 5,
      scheduledDays: 5,
      stepIndex: 0,
      reps: 4,
      lapses: 0,
      state: CardPhase.Review,
      lastReview: at("2026-01-10T05:30:00Z"),
    };
    const ours = next(reviewed, 3, at("2026-01-11T04:00:00Z"), ny, "x");
    const card: Card = {
      ...createEmptyCard(),
      stability: 5,
      difficulty: 5,
      scheduled_days: 5,
      reps: 4,
      state: CardPhase.Review,
      last_review: at("2026-01-09T00:00:00Z"),
    };
    const oneDayLater = oracle(ny, "x").next(card, at("2026-01-10T00:00:00Z"), 3).card;
    const sameDay = oracle(ny, "x").next(card, at("2026-01-09T23:00:00Z"), 3).card;
    expect(ours.stability).toBe(oneDayLater.stability);
    expect(ours.stability).not.toBe(sameDay.stability);
  });
});

describe("preview()", () => {
  it("matches ts-fsrs's repeat() for a new card: labels and due dates", () => {
    const now = at("2026-02-01T10:00:00Z");
    const shown = preview(null, now, base, "learner:card");
    const theirs = oracle(base, "learner:card#1").repeat(createEmptyCard(now), now);
    for (const rating of RATINGS) {
      expect(shown[rating].due).toEqual(theirs[rating as Grade].card.due);
    }
    expect(shown[1].intervalLabel).toBe("1m");
    expect(shown[2].intervalLabel).toBe("6m");
    expect(shown[3].intervalLabel).toBe("10m");
    expect(shown[4].intervalLabel).toBe(`${theirs[4].card.scheduled_days}d`);
  });

  it("matches ts-fsrs's repeat() for a review card far in the future", () => {
    const now = at("2026-06-01T12:00:00Z");
    const card: Card = {
      ...createEmptyCard(),
      stability: 120,
      difficulty: 4,
      scheduled_days: 100,
      reps: 9,
      state: CardPhase.Review,
      due: at("2026-05-20T12:00:00Z"),
      last_review: at("2026-02-09T12:00:00Z"),
    };
    const state = fromFsrsCard(card);
    const shown = preview(state, now, base, "s");
    const theirs = oracle(base, "s#10").repeat(card, now);
    for (const rating of RATINGS) {
      const days = theirs[rating as Grade].card.scheduled_days;
      expect(shown[rating].due).toEqual(theirs[rating as Grade].card.due);
      if (rating > 1) expect(days).toBeGreaterThan(30);
      if (rating > 1) expect(shown[rating].intervalLabel).toMatch(/^\d+(\.\d)?(mo|y)$/);
    }
    expect(shown[1].intervalLabel).toBe("10m");
  });

  it("shows exactly what next() stores, for every rating, with fuzz on", () => {
    const random = seedrandom("preview-equals-next");
    const zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney"];
    let checked = 0;
    for (let card = 0; card < 40; card++) {
      const params: SrsParams = {
        ...base,
        timezone: zones[card % zones.length]!,
        rolloverHour: Math.floor(random() * 24),
        desiredRetention: 0.7 + random() * 0.29,
      };
      const fuzzSeed = `u:${card}`;
      let state: SrsState | null = null;
      let now = new Date(Date.parse("2026-01-01T00:00:00Z") + random() * 365 * DAY);
      for (let review = 0; review < 12; review++) {
        const shown = preview(state, now, params, fuzzSeed);
        for (const rating of RATINGS) {
          const stored = next(state, rating, now, params, fuzzSeed);
          expect(shown[rating].due).toEqual(stored.due);
          checked++;
        }
        const rating = RATINGS[Math.floor(random() * 4)]!;
        state = next(state, rating, now, params, fuzzSeed);
        // Review around the due date, sometimes early, sometimes late.
        const untilDue = Math.max(60_000, state.due.getTime() - now.getTime());
        now = new Date(now.getTime() + untilDue * (0.5 + random()));
      }
    }
    expect(checked).toBe(40 * 12 * 4);
  });
});

describe("fuzz", () => {
  const longReview: SrsState = {
    due: at("2026-03-01T12:00:00Z"),
    stability: 60,
    difficulty: 5,
    scheduledDays: 60,
    stepIndex: 0,
    reps: 6,
    lapses: 0,
    state: CardPhase.Review,
    lastReview: at("2026-01-01T12:00:00Z"),
  };
  const now = at("2026-03-01T12:00:00Z");

  it("is a pure function of the seed and the review number", () => {
    expect(next(longReview, 3, now, base, "u:a")).toEqual(next(longReview, 3, now, base, "u:a"));
    const bySeed = new Set(["a", "b", "c", "d", "e", "f", "g", "h"].map((c) => next(longReview, 3, now, base, `u:${c}`).scheduledDays));
    const byReviewNumber = new Set([6, 7, 8, 9, 10, 11, 12, 13].map((reps) => next({ ...longReview, reps }, 3, now, base, "u:a").scheduledDays));
    expect(bySeed.size).toBeGreaterThan(1);
    expect(byReviewNumber.size).toBeGreaterThan(1);
  });

  it("can be turned off", () => {
    const noFuzz = { ...base, enableFuzz: false };
    const intervals = new Set(["a", "b", "c", "d"].map((c) => next(longReview, 3, now, noFuzz, c).scheduledDays));
    expect(intervals.size).toBe(1);
  });
});

describe("clock changes", () => {
  const ny: SrsParams = { ...base, timezone: "America/New_York", rolloverHour: 4, enableFuzz: false };

  it("a learning step lasts its real duration across spring-forward", () => {
    // 01:55 EST; ten minutes later the clock reads 03:05 EDT.
    const now = at("2026-03-08T06:55:00Z");
    const state = next(null, 3, now, ny, "c");
    expect(state.due).toEqual(at("2026-03-08T07:05:00Z"));
    expect(preview(null, now, ny, "c")[3].intervalLabel).toBe("10m");
  });

  it("a day interval keeps the wall-clock time, so it lands on the right learner day", () => {
    // maximumIntervalDays 1 forces a one-day interval for Hard (ts-fsrs keeps Good > Hard). 04:30 EDT on Oct 31 + 1 learner day
    // is 04:30 EST on Nov 1: 25 real hours. 24 hours would be 03:30 EST, still Oct 31's learner day.
    const oneDay = { ...ny, maximumIntervalDays: 1 };
    const reviewCard: SrsState = {
      due: at("2026-10-30T08:30:00Z"),
      stability: 10,
      difficulty: 5,
      scheduledDays: 1,
      stepIndex: 0,
      reps: 5,
      lapses: 0,
      state: CardPhase.Review,
      lastReview: at("2026-10-29T08:30:00Z"),
    };
    const now = at("2026-10-31T08:30:00Z");
    const after = next(reviewCard, 2, now, oneDay, "c");
    expect(after.scheduledDays).toBe(1);
    expect(after.due).toEqual(at("2026-11-01T09:30:00Z"));
    expect(learnerDay(after.due, "America/New_York", 4).key).toBe("2026-11-01");
    expect(preview(reviewCard, now, oneDay, "c")[2].intervalLabel).toBe("1d");
  });

  it("refuses a review dated before the card's last review", () => {
    const state = next(null, 3, at("2026-03-01T12:00:00Z"), base, "c");
    expect(() => next(state, 3, at("2026-03-01T11:59:59Z"), base, "c")).toThrow(RangeError);
  });
});

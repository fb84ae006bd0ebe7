import { createEmptyCard, default_w, fsrs, type Card } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import type { SrsParams } from "./params";
import { createEngine } from "./engine";
import { intervalPerStability, retrievability, retrievabilityFor } from "./retrievability";
import { next } from "./scheduler";
import { CardPhase, fromFsrsCard, newSrsState, type SrsState } from "./state";

const DAY = 86_400_000;

const utc: SrsParams = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  enableFuzz: false,
  timezone: "UTC",
  rolloverHour: 0,
};

const reviewed = (stability: number, lastReview: string): SrsState => ({
  due: new Date(lastReview),
  stability,
  difficulty: 5,
  scheduledDays: 1,
  stepIndex: 0,
  reps: 3,
  lapses: 0,
  state: CardPhase.Review,
  lastReview: new Date(lastReview),
});

/** FSRS-6 by hand: R(t, S) = (1 + F·t/S)^D with D = −w20 and F = 0.9^(1/D) − 1. */
function byHand(elapsedDays: number, stability: number): number {
  const decay = -0.1542;
  const factor = Math.pow(0.9, 1 / decay) - 1;
  return Math.pow(1 + (factor * elapsedDays) / stability, decay);
}

describe("retrievability", () => {
  it("uses ts-fsrs 5.4's FSRS-6 default decay", () => {
    expect(default_w[20]).toBe(0.1542);
  });

  it("matches the FSRS-6 forgetting curve on hand-computed cases", () => {
    const last = "2026-01-01T12:00:00Z";
    const at = (days: number) => new Date(Date.parse(last) + days * DAY);
    expect(retrievability(reviewed(10, last), at(0), utc)).toBe(1);
    expect(retrievability(reviewed(10, last), at(10), utc)).toBeCloseTo(0.9, 8);
    expect(retrievability(reviewed(10, last), at(30), utc)).toBeCloseTo(0.8093881, 7);
    expect(retrievability(reviewed(10, last), at(30), utc)).toBeCloseTo(byHand(30, 10), 7);
    expect(retrievability(reviewed(3.5, last), at(100), utc)).toBeCloseTo(0.594943, 6);
    expect(retrievability(reviewed(3.5, last), at(100), utc)).toBeCloseTo(byHand(100, 3.5), 7);
  });

  it("equals ts-fsrs's get_retrievability when learner days are UTC days", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const card: Card = { ...createEmptyCard(), state: CardPhase.Review, stability: 7.3, difficulty: 6, last_review: new Date("2026-05-12T12:00:00Z") };
    expect(retrievability(fromFsrsCard(card), now, utc)).toBe(fsrs().get_retrievability(card, now, false));
  });

  it("counts whole learner days in the learner's zone", () => {
    const berlin = { ...utc, timezone: "Europe/Berlin", rolloverHour: 4 };
    // 23:00 CET on Jan 1 to 03:00 CET on Jan 2: the same learner day.
    const card = reviewed(2, "2026-01-01T22:00:00Z");
    expect(retrievability(card, new Date("2026-01-02T02:00:00Z"), berlin)).toBe(1);
    // 05:00 CET on Jan 2 is the next learner day.
    expect(retrievability(card, new Date("2026-01-02T04:00:00Z"), berlin)).toBeCloseTo(byHand(1, 2), 7);
  });

  it("is 0 for a card never studied", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(retrievability(null, now, utc)).toBe(0);
    expect(retrievability(newSrsState(now), now, utc)).toBe(0);
  });

  it("is about the desired retention when a review card comes due", () => {
    const curve = retrievabilityFor({ ...utc, desiredRetention: 0.85 });
    let state = next(null, 3, new Date("2026-01-01T12:00:00Z"), { ...utc, desiredRetention: 0.85 }, "s");
    state = next(state, 3, state.due, { ...utc, desiredRetention: 0.85 }, "s");
    state = next(state, 3, state.due, { ...utc, desiredRetention: 0.85 }, "s");
    expect(state.scheduledDays).toBeGreaterThan(5);
    expect(curve(state, state.due)).toBeCloseTo(0.85, 1);
    expect(curve(state, new Date(state.due.getTime() + 30 * DAY))).toBeLessThan(curve(state, state.due));
  });
});

describe("intervalPerStability", () => {
  it("gives ts-fsrs's interval once rounded (fuzz off), and shrinks as retention rises", () => {
    for (const r of [0.9, 0.95, 0.97]) {
      const params = { ...utc, desiredRetention: r, enableFuzz: false };
      const per = intervalPerStability(params);
      for (const s of [3, 12.5, 40]) expect(Math.max(1, Math.round(s * per))).toBe(createEngine(params).next_interval(s, 0));
    }
    // At 0.9 the interval equals the stability (what stability means in FSRS).
    expect(intervalPerStability({ ...utc, desiredRetention: 0.9 })).toBeCloseTo(1, 9);
    expect(intervalPerStability({ ...utc, desiredRetention: 0.95 })).toBeLessThan(0.6);
  });
});

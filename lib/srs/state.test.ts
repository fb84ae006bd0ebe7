import { createEmptyCard, fsrs } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { CardPhase, fromFsrsCard, newSrsState, srsStateFromJson, srsStateToJson, toFsrsCard, type SrsState } from "./state";

const relearning: SrsState = {
  due: new Date("2026-04-02T10:10:00.123Z"),
  stability: 1.23456789,
  difficulty: 7.5,
  scheduledDays: 0,
  stepIndex: 1,
  reps: 12,
  lapses: 2,
  state: CardPhase.Relearning,
  lastReview: new Date("2026-04-02T10:00:00.123Z"),
};

describe("SrsState ↔ ts-fsrs Card", () => {
  it("round-trips every stored field, learning_steps included", () => {
    const card = toFsrsCard(relearning, 3);
    expect(card.learning_steps).toBe(1);
    expect(card.elapsed_days).toBe(3);
    expect(fromFsrsCard(card)).toEqual(relearning);
  });

  it("a new state is ts-fsrs's empty card", () => {
    const now = new Date("2026-04-02T10:00:00Z");
    expect(newSrsState(now)).toEqual(fromFsrsCard(createEmptyCard(now)));
    expect(toFsrsCard(newSrsState(now), 0)).toEqual(createEmptyCard(now));
  });

  it("reads back what ts-fsrs schedules", () => {
    const now = new Date("2026-04-02T10:00:00Z");
    const { card } = fsrs().next(createEmptyCard(now), now, 3);
    const state = fromFsrsCard(card);
    expect(state.state).toBe(CardPhase.Learning);
    expect(state.lastReview).toEqual(now);
    expect(toFsrsCard(state, card.elapsed_days)).toEqual(card);
  });
});

describe("SrsState as JSON (ReviewLog.stateBefore)", () => {
  it("round-trips exactly, to the millisecond and the last bit of a double", () => {
    const json = JSON.parse(JSON.stringify(srsStateToJson({ ...relearning, stability: 0.1 + 0.2 })));
    expect(srsStateFromJson(json)).toEqual({ ...relearning, stability: 0.1 + 0.2 });
    const never = { ...relearning, lastReview: null };
    expect(srsStateFromJson(srsStateToJson(never))).toEqual(never);
  });

  it("refuses something that is not a stored state", () => {
    expect(() => srsStateFromJson({ ...srsStateToJson(relearning), state: 4 })).toThrow();
    expect(() => srsStateFromJson({ ...srsStateToJson(relearning), due: "yesterday" })).toThrow();
    expect(() => srsStateFromJson(null)).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { pickAtRisk } from "./at-risk";

describe("pickAtRisk", () => {
  const states = [
    { cardId: "c", retrievability: 0.9 },
    { cardId: "b", retrievability: 0.4 },
    { cardId: "a", retrievability: 0.4 },
    { cardId: "new", retrievability: 0, studied: false },
    { cardId: "d", retrievability: 0.7, studied: true },
    { cardId: "bad", retrievability: Number.NaN },
  ];

  it("takes the lowest retrievability first, ties by card id", () => {
    expect(pickAtRisk(states, 3).map((s) => s.cardId)).toEqual(["a", "b", "d"]);
  });

  it("leaves out unstudied cards and unusable values", () => {
    const ids = pickAtRisk(states, 10).map((s) => s.cardId);
    expect(ids).toEqual(["a", "b", "d", "c"]);
  });

  it("handles counts of zero or more than available, and keeps extra fields", () => {
    expect(pickAtRisk(states, 0)).toEqual([]);
    const withExtra = pickAtRisk([{ cardId: "x", retrievability: 0.5, deckId: "d1" }], 5);
    expect(withExtra).toEqual([{ cardId: "x", retrievability: 0.5, deckId: "d1" }]);
  });

  it("does not reorder its input", () => {
    const input = [...states];
    pickAtRisk(input, 2);
    expect(input).toEqual(states);
  });
});

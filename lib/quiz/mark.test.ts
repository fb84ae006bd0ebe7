import { describe, expect, it } from "vitest";
import { markAnswer, parseYear, score } from "./mark";
import type { Question } from "./types";

const typed: Question = { position: 0, cardId: "c1", type: "typed-year", prompt: "When? Give the year.", payload: {}, key: { year: 1922 } };
const mcq: Question = {
  position: 1,
  cardId: "c2",
  type: "mcq",
  prompt: "When?",
  payload: { options: ["1921", "1922", "1923", "1924"] },
  key: { correctIndex: 1 },
};
const chrono: Question = {
  position: 2,
  cardId: null,
  type: "chronology",
  prompt: "Put these events in order, earliest first",
  payload: { items: ["c", "a", "d", "b"].map((id) => ({ id, label: `event ${id}` })) },
  key: { order: ["a", "b", "c", "d"] },
};

describe("typed-year", () => {
  it.each(["1922", " 1922 ", "1922 AD", "AD 1922", "1922ad", "1922 A.D.", "ad1922", "1922 CE"])("accepts %j", (text) => {
    expect(markAnswer(typed, { text })).toBe(true);
  });

  it.each(["1923", "", "   ", "abc", "1922 BC", "19222", "AD 1922 AD", "1922-04", "16 April 1922", "nineteen twenty-two"])(
    "rejects %j",
    (text) => {
      expect(markAnswer(typed, { text })).toBe(false);
    },
  );

  it("rejects answers of the wrong shape instead of throwing", () => {
    expect(markAnswer(typed, { text: 1922 })).toBe(false);
    expect(markAnswer(typed, "1922")).toBe(false);
    expect(markAnswer(typed, null)).toBe(false);
    expect(markAnswer(typed, { text: "1922", extra: true })).toBe(false);
  });

  it("parseYear reads only positive AD years", () => {
    expect(parseYear("0")).toBeNull();
    expect(parseYear("44")).toBe(44);
  });
});

describe("mcq", () => {
  it("compares the chosen index", () => {
    expect(markAnswer(mcq, { choice: 1 })).toBe(true);
    for (const choice of [0, 2, 3]) expect(markAnswer(mcq, { choice })).toBe(false);
  });

  it("rejects out-of-range or malformed choices", () => {
    for (const answer of [{ choice: 4 }, { choice: -1 }, { choice: 1.5 }, { choice: "1" }, { text: "1922" }]) {
      expect(markAnswer(mcq, answer)).toBe(false);
    }
  });
});

describe("chronology", () => {
  it("needs the full order", () => {
    expect(markAnswer(chrono, { order: ["a", "b", "c", "d"] })).toBe(true);
    expect(markAnswer(chrono, { order: ["a", "b", "d", "c"] })).toBe(false);
    expect(markAnswer(chrono, { order: ["c", "a", "d", "b"] })).toBe(false);
    expect(markAnswer(chrono, { order: ["a", "b", "c"] })).toBe(false);
    expect(markAnswer(chrono, { order: ["a", "b", "c", "d", "d"] })).toBe(false);
    expect(markAnswer(chrono, { order: "abcd" })).toBe(false);
  });
});

describe("score", () => {
  it("counts correct answers, unanswered as wrong, re-marking from the key", () => {
    const result = score([
      { question: typed, answer: { text: "AD 1922" } },
      { question: mcq, answer: { choice: 0 } },
      { question: chrono, answer: { order: ["a", "b", "c", "d"] } },
      { question: { ...mcq, position: 3 }, answer: null },
    ]);
    expect(result).toEqual({ correct: 2, total: 4 });
    expect(score([])).toEqual({ correct: 0, total: 0 });
  });
});

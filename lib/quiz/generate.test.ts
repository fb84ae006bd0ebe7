import { describe, expect, it } from "vitest";
import { readContentDecks, toDeckInput } from "@/lib/decks/content";
import { CHRONOLOGY_PROMPT } from "./chronology";
import { MAX_QUESTIONS, MIN_QUESTIONS } from "@/lib/api/quiz";
import { generateQuiz } from "./generate";
import { type PartialDate } from "./dates";
import { toPublicQuestion, toQuizCard, type QuizCard } from "./types";

const decks = readContentDecks().map((d) => toDeckInput(d, "").cards.map(toQuizCard));
const largest = [...decks].sort((a, b) => b.length - a.length)[0] ?? [];

/** A synthetic deck of `n` date cards a year apart, each on its own subject. */
const dateDeck = (n: number, from = 1900): QuizCard[] =>
  Array.from({ length: n }, (_, i) => {
    const date: PartialDate = { year: from + i, month: 1 + (i % 12), day: 1 + (i % 28) };
    return { id: `d${String(i).padStart(3, "0")}`, kind: "DATE", subject: `Event ${String.fromCharCode(65 + (i % 26))}${i}`, prompt: `When did event number ${i + 1} happen?`, answer: "x", data: { date } };
  });

describe("generateQuiz reproducibility", () => {
  it("gives the same quiz for the same seed and cards", () => {
    for (const seed of ["a", "b", "attempt-42"]) {
      expect(generateQuiz({ cards: largest, count: 20, seed })).toEqual(generateQuiz({ cards: largest, count: 20, seed }));
    }
  });

  it("does not depend on the order the cards are given in", () => {
    const reversed = [...largest].reverse();
    expect(generateQuiz({ cards: reversed, count: 20, seed: "order" })).toEqual(generateQuiz({ cards: largest, count: 20, seed: "order" }));
  });

  it("gives different quizzes for different seeds", () => {
    const quizzes = Array.from({ length: 10 }, (_, i) => JSON.stringify(generateQuiz({ cards: largest, count: 10, seed: `s${i}` })));
    expect(new Set(quizzes).size).toBe(10);
  });

  it("shuffles question and option order with the seed", () => {
    const a = generateQuiz({ cards: largest, count: 30, seed: "x" });
    const b = generateQuiz({ cards: largest, count: 30, seed: "y" });
    expect(a.map((q) => q.cardId)).not.toEqual(b.map((q) => q.cardId));
  });
});

describe("generateQuiz size", () => {
  it.each([MIN_QUESTIONS - 1, MAX_QUESTIONS + 1, 7.5, Number.NaN])("rejects count %s", (count) => {
    expect(() => generateQuiz({ cards: largest, count, seed: "s" })).toThrow(RangeError);
  });

  it("returns exactly `count` questions when the deck has enough", () => {
    for (const count of [MIN_QUESTIONS, 12, 30]) expect(generateQuiz({ cards: largest, count, seed: `n${count}` })).toHaveLength(count);
  });

  it("returns fewer when the deck has too few usable cards, never repeats", () => {
    const cards = dateDeck(7);
    const quiz = generateQuiz({ cards, count: 10, seed: "few" });
    expect(quiz).toHaveLength(cards.length);
    expect(new Set(quiz.map((q) => q.cardId)).size).toBe(cards.length);
    expect(generateQuiz({ cards: [], count: 5, seed: "none" })).toEqual([]);
  });

  it("uses chronology only with cards to spare, so it never shortens the quiz", () => {
    const exact = generateQuiz({ cards: dateDeck(10), count: 10, seed: "exact" });
    expect(exact).toHaveLength(10);
    expect(exact.some((q) => q.type === "chronology")).toBe(false);
    const plenty = generateQuiz({ cards: dateDeck(40), count: 10, seed: "plenty" });
    expect(plenty).toHaveLength(10);
    expect(plenty.filter((q) => q.type === "chronology")).toHaveLength(10 / 5);
  });
});

describe("generateQuiz question types", () => {
  it("asks typed-year only of date cards, chronology with the fixed prompt and no card", () => {
    const byId = new Map(largest.map((c) => [c.id, c]));
    for (let i = 0; i < 10; i++) {
      for (const q of generateQuiz({ cards: largest, count: 20, seed: `t${i}` })) {
        if (q.type === "typed-year") expect(byId.get(q.cardId)?.kind).toBe("DATE");
        if (q.type === "chronology") expect([q.prompt, q.cardId]).toEqual([CHRONOLOGY_PROMPT, null]);
      }
    }
  });

  it("falls back to typed-year for a date card that cannot get distractors, and skips others", () => {
    const cards: QuizCard[] = [
      { id: "d", kind: "DATE", subject: "Lone event", prompt: "When was it?", answer: "5", data: { date: { year: 5 } } },
      { id: "p", kind: "PARTIES", subject: "Pact", prompt: "Who?", answer: "A and B", data: { parties: ["A", "B"] } },
      { id: "t", kind: "TERM", subject: "kulak", prompt: "What is a kulak?", answer: "a farmer", data: { term: "kulak", definition: "a farmer" } },
      { id: "b", kind: "DATE", subject: "Broken", prompt: "When?", answer: "?", data: {} },
    ];
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const quiz = generateQuiz({ cards, count: 5, seed: `f${i}` });
      for (const q of quiz) seen.add(`${q.type}:${q.cardId}`);
    }
    // Year 5 leaves no room for five earlier years, yet later ones make up the three distractors.
    expect([...seen].sort()).toEqual(["mcq:d", "typed-year:d"]);
  });

  it("skips a date card whose prompt states its own year", () => {
    const cards = dateDeck(12).map((c, i) => (i === 0 ? { ...c, prompt: "What happened in 1900, and when?" } : c));
    for (let i = 0; i < 10; i++) {
      expect(generateQuiz({ cards, count: 11, seed: `y${i}` }).map((q) => q.cardId)).not.toContain("d000");
    }
  });

  it("never asks about one subject twice", () => {
    const cards: QuizCard[] = [
      ...dateDeck(12),
      // p0 shares d000's subject; p1-p3 only make it eligible for multiple choice.
      ...["X", "V", "W", "Z"].map(
        (other, i): QuizCard => ({ id: `p${i}`, kind: "PARTIES", subject: i === 0 ? "Event A0" : `Pact ${other}`, prompt: `Who made pact ${i}?`, answer: `${other} and Y`, data: { parties: [other, "Y"] } }),
      ),
    ];
    let asked = 0;
    for (let i = 0; i < 20; i++) {
      const ids = generateQuiz({ cards, count: 12, seed: `u${i}` }).flatMap((q) => (q.type === "chronology" ? q.key.order : [q.cardId]));
      expect(ids.includes("p0") && ids.includes("d000")).toBe(false);
      if (ids.includes("p0")) asked++;
    }
    // The parties card is asked sometimes, so the rule was exercised.
    expect(asked).toBeGreaterThan(0);
  });
});

describe("the key stays out of what the learner sees", () => {
  const quizzes = Array.from({ length: 10 }, (_, i) => generateQuiz({ cards: largest, count: 20, seed: `k${i}` }));

  it("public questions carry no key", () => {
    for (const q of quizzes.flat()) {
      const shown = toPublicQuestion(q);
      expect(shown).not.toHaveProperty("key");
      const json = JSON.stringify(shown);
      expect(json).not.toMatch(/correctIndex|"order"|"year"/);
      if (q.type === "typed-year") expect(json).not.toContain(String(q.key.year));
    }
  });

  it("chronology items are never shown in the answer order", () => {
    const chronologies = quizzes.flat().filter((q) => q.type === "chronology");
    expect(chronologies.length).toBeGreaterThan(0);
    for (const q of chronologies) expect(q.payload.items.map((i) => i.id)).not.toEqual(q.key.order);
  });
});

import { describe, expect, it } from "vitest";
import { MIN_QUESTIONS } from "@/lib/api/quiz";
import { quizCapacity } from "./capacity";
import { generateQuiz } from "./generate";
import type { QuizCard } from "./types";

// Date cards as lib/quiz/generate.test.ts builds them.
const dateDeck = (n: number): QuizCard[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `d${String(i).padStart(3, "0")}`,
    kind: "DATE",
    subject: `Event ${String.fromCharCode(65 + (i % 26))}${i}`,
    prompt: `When did event number ${i + 1} happen?`,
    answer: "x",
    data: { date: { year: 1900 + i, month: 1 + (i % 12), day: 1 + (i % 28) } },
  }));

describe("quizCapacity", () => {
  it("is what a quiz asking for the most questions gets, whatever the seed", () => {
    const cards = dateDeck(7);
    const cap = quizCapacity(cards);
    expect(cap).toBeGreaterThanOrEqual(MIN_QUESTIONS);
    expect(cap).toBeLessThanOrEqual(7);
    for (const seed of ["a", "b", "c", "d"]) expect(generateQuiz({ cards, count: cap, seed }).length).toBe(cap);
  });

  it("is 0 for a deck with nothing to ask", () => {
    expect(quizCapacity([])).toBe(0);
  });
});

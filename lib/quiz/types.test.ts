import { describe, expect, it } from "vitest";
import { answerSchema, cardDate, cardParties, cardTerm, questionSchema, toPublicQuestion, toQuizCard } from "./types";

const row = (kind: string, data: unknown) => ({ id: "c1", kind, subject: "s", prompt: "p?", answer: "a", data, extra: "ignored" });

describe("toQuizCard", () => {
  it("reads the structured answer for the card's kind only", () => {
    const date = toQuizCard(row("DATE", { date: { year: 1922, month: 4 } }));
    expect(cardDate(date)).toEqual({ year: 1922, month: 4 });
    expect(cardParties(date)).toBeNull();
    expect(cardParties(toQuizCard(row("PARTIES", { parties: ["A", "B"] })))).toEqual(["A", "B"]);
    expect(cardTerm(toQuizCard(row("TERM", { term: "t", definition: "d" })))).toEqual({ term: "t", definition: "d" });
    expect(cardDate(toQuizCard(row("BASIC", { date: { year: 1922 } })))).toBeNull();
  });

  it("drops malformed data fields instead of failing the card", () => {
    expect(cardDate(toQuizCard(row("DATE", { date: { year: 1922, day: 3 } })))).toBeNull();
    expect(cardDate(toQuizCard(row("DATE", { date: "1922" })))).toBeNull();
    expect(cardParties(toQuizCard(row("PARTIES", { parties: ["only one"] })))).toBeNull();
    expect(cardTerm(toQuizCard(row("TERM", { term: "t" })))).toBeNull();
    expect(toQuizCard(row("DATE", null)).data).toEqual({});
    expect(toQuizCard(row("DATE", [1, 2])).data).toEqual({});
  });

  it("rejects a row that is not a card", () => {
    expect(() => toQuizCard({ id: "c1", kind: "QUOTE", prompt: "p", answer: "a", subject: "", data: {} })).toThrow();
    expect(() => toQuizCard({ kind: "DATE", prompt: "p", answer: "a", subject: "", data: {} })).toThrow();
  });
});

describe("question schemas", () => {
  const chrono = {
    position: 0,
    cardId: null,
    type: "chronology",
    prompt: "Put these events in order, earliest first",
    payload: { items: ["a", "b", "c", "d"].map((id) => ({ id, label: id })) },
    key: { order: ["d", "c", "b", "a"] },
  };

  it("accepts a chronology whose key orders exactly its items", () => {
    expect(questionSchema.safeParse(chrono).success).toBe(true);
    expect(questionSchema.safeParse({ ...chrono, key: { order: ["d", "c", "b", "x"] } }).success).toBe(false);
    expect(questionSchema.safeParse({ ...chrono, key: { order: ["d", "d", "b", "a"] } }).success).toBe(false);
  });

  it("keeps payload and key apart per type", () => {
    const mcq = { position: 1, cardId: "c", type: "mcq", prompt: "p", payload: { options: ["1", "2", "3", "4"] }, key: { correctIndex: 2 } };
    expect(questionSchema.safeParse(mcq).success).toBe(true);
    expect(questionSchema.safeParse({ ...mcq, payload: { ...mcq.payload, correctIndex: 2 } }).success).toBe(false);
    expect(questionSchema.safeParse({ ...mcq, key: { correctIndex: 4 } }).success).toBe(false);
    expect(questionSchema.safeParse({ ...mcq, payload: { options: ["1", "2", "3"] } }).success).toBe(false);
  });

  it("toPublicQuestion drops the key", () => {
    const q = questionSchema.parse(chrono);
    expect(toPublicQuestion(q)).not.toHaveProperty("key");
    expect(toPublicQuestion(q)).toMatchObject({ type: "chronology", payload: q.payload });
  });

  it("bounds answers", () => {
    expect(answerSchema["typed-year"].safeParse({ text: "x".repeat(101) }).success).toBe(false);
    expect(answerSchema.chronology.safeParse({ order: ["a", "b", "c", "d", "e"] }).success).toBe(false);
    expect(answerSchema.mcq.safeParse({ choice: 3 }).success).toBe(true);
  });
});

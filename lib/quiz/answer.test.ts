import { describe, expect, it } from "vitest";
import { decideAnswer, type AnswerContext } from "./attempts";
import { GRACE_SEC } from "./clock";

const DEADLINE = new Date("2026-03-02T10:00:00Z");
const at = (sec: number) => new Date(DEADLINE.getTime() + sec * 1000);
const mcq = { type: "mcq", position: 1, cardId: "card-1", prompt: "When?", payload: { options: ["1914", "1918", "1919", "1923"] }, key: { correctIndex: 2 } };
const year = { type: "typed-year", position: 2, cardId: "card-2", prompt: "In which year?", payload: {}, key: { year: 1919 } };
const ctx = (over: Partial<AnswerContext> = {}): AnswerContext => ({
  attempt: { submittedAt: null, deadline: DEADLINE, closesAt: null, classId: null },
  question: mcq,
  seated: null,
  ...over,
});
const refusal = (d: ReturnType<typeof decideAnswer>) => (d.kind === "refuse" ? { code: d.error.code, message: d.error.message } : d.kind);

describe("decideAnswer", () => {
  it("marks an answer in time and records when it came", () => {
    expect(decideAnswer(ctx(), { choice: 2 }, at(-30))).toEqual({ kind: "record", answer: { choice: 2 }, correct: true, answeredAt: at(-30) });
    expect(decideAnswer(ctx(), { choice: 0 }, at(-30))).toMatchObject({ kind: "record", correct: false });
    expect(decideAnswer(ctx({ question: year }), { text: " 1919 AD" }, at(-30))).toMatchObject({ kind: "record", correct: true, answer: { text: " 1919 AD" } });
  });

  it("accepts an answer within the grace after the deadline and refuses one after it", () => {
    expect(decideAnswer(ctx(), { choice: 2 }, at(GRACE_SEC)).kind).toBe("record");
    expect(refusal(decideAnswer(ctx(), { choice: 2 }, at(GRACE_SEC + 0.001)))).toEqual({ code: "conflict", message: "Time is up: answers after the deadline are not counted." });
  });

  it("404s a question that is not in the attempt", () => {
    expect(refusal(decideAnswer(ctx({ question: null }), { choice: 2 }, at(-30)))).toMatchObject({ code: "not_found" });
  });

  it("409s a submitted attempt, even before its deadline", () => {
    const attempt = { submittedAt: at(-60), deadline: DEADLINE, closesAt: null, classId: null };
    expect(refusal(decideAnswer(ctx({ attempt }), { choice: 2 }, at(-30)))).toEqual({ code: "conflict", message: "This quiz was already submitted." });
  });

  it("409s a student removed from the class of an assigned quiz", () => {
    const attempt = { submittedAt: null, deadline: DEADLINE, closesAt: null, classId: "class-1" };
    expect(refusal(decideAnswer(ctx({ attempt, seated: false }), { choice: 2 }, at(-30)))).toMatchObject({ code: "conflict", message: expect.stringMatching(/no longer in the class/) });
    expect(decideAnswer(ctx({ attempt, seated: true }), { choice: 2 }, at(-30)).kind).toBe("record");
  });

  it("422s an answer of the wrong shape for the question type", () => {
    expect(refusal(decideAnswer(ctx(), { text: "1919" }, at(-30)))).toEqual({ code: "validation_failed", message: "This answer does not fit a mcq question." });
    expect(refusal(decideAnswer(ctx(), { choice: 4 }, at(-30)))).toMatchObject({ code: "validation_failed" });
  });
});

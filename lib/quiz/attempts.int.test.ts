import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/api/errors";
import { loadContentDecks } from "@/lib/decks/content";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { answerQuestion, createAttempt, getAttempt, listAttempts, results, submitAttempt } from "./attempts";
import { GRACE_SEC } from "./clock";
import { questionSchema, type Question } from "./types";
import { httpStatus } from "@/lib/http/errors";

let t: TestDb;
let ann: string;
let ben: string;
let deckId: string;

beforeAll(async () => {
  t = await freshDb();
  await loadContentDecks(t.prisma);
  ann = (await t.prisma.user.create({ data: { email: "ann@example.com", name: "Ann", passwordHash: "x" } })).id;
  ben = (await t.prisma.user.create({ data: { email: "ben@example.com", name: "Ben", passwordHash: "x" } })).id;
  deckId = (await t.prisma.deck.findUniqueOrThrow({ where: { slug: "soviet-union-metapedia" } })).id;
});
afterAll(async () => {
  await t.drop();
});

const T0 = new Date("2026-06-01T10:00:00Z");
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

/** The stored questions with their keys, as only the server sees them. */
async function keys(attemptId: string): Promise<Map<string, Question>> {
  const rows = await t.prisma.quizQuestion.findMany({ where: { attemptId } });
  return new Map(rows.map((r) => [r.id, questionSchema.parse({ position: r.position, type: r.type, cardId: r.cardId, prompt: r.prompt, payload: r.payload, key: r.key })]));
}

function rightAnswer(q: Question): unknown {
  if (q.type === "mcq") return { choice: q.key.correctIndex };
  if (q.type === "typed-year") return { text: ` ${q.key.year} AD` };
  return { order: q.key.order };
}
function wrongAnswer(q: Question): unknown {
  if (q.type === "mcq") return { choice: (q.key.correctIndex + 1) % 4 };
  if (q.type === "typed-year") return { text: String(q.key.year + 1) };
  return { order: [...q.key.order].reverse() };
}

describe("quiz attempts", () => {
  it("never sends a key before the question is answered (checked on the raw JSON)", async () => {
    const attempt = await createAttempt(t.prisma, ann, { deckId, count: 20, timeLimitSec: 300 }, T0, "seed-keys");
    expect(attempt.questions).toHaveLength(20);
    expect(new Date(attempt.deadline).getTime() - T0.getTime()).toBe(300_000);
    const raw = JSON.stringify(attempt);
    expect(raw).not.toMatch(/"key"|correctIndex|"order"|"correct"/);
    const stored = await keys(attempt.id);
    for (const q of attempt.questions) {
      const full = stored.get(q.id)!;
      if (full.type === "typed-year") expect(JSON.stringify(q)).not.toContain(String(full.key.year));
    }
    // Still nothing after answering some and fetching again.
    const first = attempt.questions[0]!;
    await answerQuestion(t.prisma, ann, attempt.id, first.id, rightAnswer(stored.get(first.id)!), at(10));
    expect(JSON.stringify(await getAttempt(t.prisma, ann, attempt.id, at(11)))).not.toMatch(/"key"|correctIndex|"order"/);
  });

  it("is reproducible from its seed and shuffles per attempt", async () => {
    const a = await createAttempt(t.prisma, ann, { deckId, count: 10, timeLimitSec: 300 }, T0, "same-seed");
    const b = await createAttempt(t.prisma, ann, { deckId, count: 10, timeLimitSec: 300 }, T0, "same-seed");
    const c = await createAttempt(t.prisma, ann, { deckId, count: 10, timeLimitSec: 300 }, T0, "other-seed");
    const strip = (x: typeof a) => x.questions.map(({ prompt, payload, type }) => ({ prompt, payload, type }));
    expect(strip(a)).toEqual(strip(b));
    expect(strip(a)).not.toEqual(strip(c));
  });

  it("accepts one answer per question, refuses late answers, and computes the score on the server", async () => {
    const attempt = await createAttempt(t.prisma, ann, { deckId, count: 6, timeLimitSec: 60 }, T0, "seed-score");
    const stored = await keys(attempt.id);
    const [q1, q2, q3, q4] = attempt.questions;
    await answerQuestion(t.prisma, ann, attempt.id, q1!.id, rightAnswer(stored.get(q1!.id)!), at(5));
    await answerQuestion(t.prisma, ann, attempt.id, q2!.id, wrongAnswer(stored.get(q2!.id)!), at(6));
    // A second answer to the same question, even a right one, is refused and changes nothing.
    await expect(answerQuestion(t.prisma, ann, attempt.id, q2!.id, rightAnswer(stored.get(q2!.id)!), at(7))).rejects.toMatchObject({ code: "conflict" });
    // Within the grace period after the deadline: accepted.
    await answerQuestion(t.prisma, ann, attempt.id, q3!.id, rightAnswer(stored.get(q3!.id)!), at(60 + GRACE_SEC - 1));
    // After it: refused, not counted.
    await expect(answerQuestion(t.prisma, ann, attempt.id, q4!.id, rightAnswer(stored.get(q4!.id)!), at(60 + GRACE_SEC + 1))).rejects.toThrow(/Time is up/);
    // Results are closed while the quiz runs, open after the deadline without a submit.
    await expect(results(t.prisma, ann, attempt.id, at(30))).rejects.toMatchObject({ code: "conflict" });
    const r = await results(t.prisma, ann, attempt.id, at(120));
    expect(r).toMatchObject({ score: 2, total: 6, timeTakenSec: 60 });
    expect(r.questions.filter((q) => q.correct).map((q) => q.id).sort()).toEqual([q1!.id, q3!.id].sort());
    const card = r.questions.find((q) => q.provenance);
    expect(card?.provenance?.quote.length).toBeGreaterThan(10);
    expect(r.questions.every((q) => q.correctAnswer.length > 0)).toBe(true);
  });

  it("ignores a score a client might claim: only stored keys count, and answers of the wrong shape are refused", async () => {
    const attempt = await createAttempt(t.prisma, ann, { deckId, count: 5, timeLimitSec: 120 }, T0, "seed-shape");
    const q = attempt.questions[0]!;
    const err = await answerQuestion(t.prisma, ann, attempt.id, q.id, { choice: 9, text: "x", order: "no", correct: true }, at(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(httpStatus(err)).toBe(422);
    const res = await submitAttempt(t.prisma, ann, attempt.id, at(2));
    expect(res).toMatchObject({ score: 0, total: 5, timeTakenSec: 2 });
    await expect(answerQuestion(t.prisma, ann, attempt.id, attempt.questions[1]!.id, { choice: 0 }, at(3))).rejects.toThrow(/already submitted/);
    // Submitting again is harmless.
    expect((await submitAttempt(t.prisma, ann, attempt.id, at(4))).finishedAt).toBe(res.finishedAt);
  });

  it("refuses another user's attempt with 404 and changes nothing", async () => {
    const attempt = await createAttempt(t.prisma, ann, { deckId, count: 5, timeLimitSec: 120 }, T0, "seed-owner");
    const q = attempt.questions[0]!;
    for (const call of [
      () => getAttempt(t.prisma, ben, attempt.id, at(1)),
      () => answerQuestion(t.prisma, ben, attempt.id, q.id, { choice: 0 }, at(1)),
      () => submitAttempt(t.prisma, ben, attempt.id, at(1)),
      () => results(t.prisma, ben, attempt.id, at(999)),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "not_found" });
    }
    const row = await t.prisma.quizQuestion.findUniqueOrThrow({ where: { id: q.id } });
    expect(row.answeredAt).toBeNull();
    expect((await t.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).submittedAt).toBeNull();
    expect((await listAttempts(t.prisma, ben)).map((a) => a.id)).not.toContain(attempt.id);
  });

  it("does not change FSRS state", async () => {
    const attempt = await createAttempt(t.prisma, ben, { deckId, count: 5, timeLimitSec: 120 }, T0, "seed-fsrs");
    const stored = await keys(attempt.id);
    for (const q of attempt.questions) await answerQuestion(t.prisma, ben, attempt.id, q.id, rightAnswer(stored.get(q.id)!), at(1));
    await submitAttempt(t.prisma, ben, attempt.id, at(2));
    expect(await t.prisma.cardState.count({ where: { userId: ben } })).toBe(0);
    expect(await t.prisma.reviewLog.count({ where: { userId: ben } })).toBe(0);
  });

  it("builds an at-risk quiz from the learner's studied cards, and refuses one with nothing studied", async () => {
    await expect(createAttempt(t.prisma, ben, { source: "at-risk", count: 5, timeLimitSec: 60 }, T0)).rejects.toMatchObject({ code: "validation_failed" });
    const cards = await t.prisma.card.findMany({ where: { deckId }, take: 20, orderBy: { id: "asc" } });
    await t.prisma.cardState.createMany({
      data: cards.map((c, i) => ({ userId: ben, cardId: c.id, due: T0, stability: 1 + i * 10, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: new Date(T0.getTime() - 5 * 86_400_000), version: 1 })),
    });
    const attempt = await createAttempt(t.prisma, ben, { source: "at-risk", count: 5, timeLimitSec: 60 }, T0, "seed-risk");
    expect(attempt.questions.length).toBeGreaterThan(0);
    const asked = (await t.prisma.quizQuestion.findMany({ where: { attemptId: attempt.id } })).map((q) => q.cardId).filter(Boolean);
    const studied = new Set(cards.map((c) => c.id));
    expect(asked.every((id) => studied.has(id!))).toBe(true);
  });

  it("refuses a deck the learner cannot see and invalid counts", async () => {
    await expect(createAttempt(t.prisma, ann, { deckId: "00000000-0000-4000-8000-000000000000", count: 5, timeLimitSec: 60 })).rejects.toMatchObject({ code: "not_found" });
  });
});

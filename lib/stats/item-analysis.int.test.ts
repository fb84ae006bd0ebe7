// Quiz item analysis on real Postgres: finished attempts of students still in the class,
// wrong answers counted by what they said, difficulty from the class's own card states.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { quizItemAnalysis } from "./item-analysis";

let t: TestDb;
const NOW = new Date("2026-05-01T12:00:00Z");
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await freshDb();
  const p = t.prisma;
  const user = async (name: string, role: "STUDENT" | "TEACHER" = "STUDENT") => (ids[name] = (await p.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role } })).id);
  await user("tess", "TEACHER");
  await user("tom", "TEACHER");
  for (const s of ["s1", "s2", "s3", "gone"]) await user(s);
  const deck = await p.deck.create({ data: { slug: "d", title: "D" } });
  for (const [id, answer] of [["x", "Alpha"], ["y", "1914"]] as const) {
    await p.card.create({ data: { id, deckId: deck.id, kind: "BASIC", subject: id, prompt: `About ${id}?`, answer, quote: "q", start: 0, end: 1 } });
  }
  const cls = await p.class.create({ data: { teacherId: ids.tess!, name: "C", joinCode: "C-1" } });
  for (const s of ["s1", "s2", "s3"]) await p.enrollment.create({ data: { classId: cls.id, userId: ids[s]! } });
  ids.quiz = (await p.assignment.create({ data: { classId: cls.id, deckId: deck.id, kind: "QUIZ", count: 5, timeLimitSec: 600, attempts: 2 } })).id;

  const attempt = async (who: string, answers: { x: number | null; y: string | null }, finished = true) => {
    const a = await p.quizAttempt.create({
      data: { userId: ids[who]!, assignmentId: ids.quiz, deckId: deck.id, seed: "s", startedAt: new Date(NOW.getTime() - 3_600_000), deadline: finished ? new Date(NOW.getTime() - 1_800_000) : new Date(NOW.getTime() + 600_000), submittedAt: finished ? new Date(NOW.getTime() - 2_000_000) : null },
    });
    await p.quizQuestion.create({
      data: { attemptId: a.id, userId: ids[who]!, position: 0, cardId: "x", type: "mcq", prompt: "About x?", payload: { options: ["Alpha", "Beta", "Gamma", "Delta"] }, key: { correctIndex: 0 }, answer: answers.x === null ? Prisma.DbNull : { choice: answers.x }, correct: answers.x === null ? null : answers.x === 0 },
    });
    await p.quizQuestion.create({
      data: { attemptId: a.id, userId: ids[who]!, position: 1, cardId: "y", type: "typed-year", prompt: "In which year y?", payload: {}, key: { year: 1914 }, answer: answers.y === null ? Prisma.DbNull : { text: answers.y }, correct: answers.y === null ? null : answers.y === "1914" },
    });
  };
  await attempt("s1", { x: 0, y: "1914" });
  await attempt("s2", { x: 2, y: "1914" });
  await attempt("s3", { x: 2, y: null }); // time ran out on y
  await attempt("s3", { x: 1, y: "1900" }, false); // still running: not counted
  await attempt("gone", { x: 3, y: "1800" }); // not in the class (any more): not counted
  for (const [who, difficulty] of [["s1", 4], ["s2", 6], ["gone", 10]] as const) {
    await p.cardState.create({ data: { userId: ids[who]!, cardId: "x", due: NOW, stability: 3, difficulty, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: NOW } });
  }
});
afterAll(async () => {
  await t.drop();
});

describe("quiz item analysis", () => {
  it("gives per question the share right, the wrong answers picked and the class's FSRS difficulty", async () => {
    const r = await quizItemAnalysis(t.prisma, ids.tess!, ids.quiz!, NOW);
    expect(r).toMatchObject({ assignmentId: ids.quiz, attempts: 3, students: 3 });
    expect(r.items).toEqual([
      { cardId: "x", type: "mcq", prompt: "About x?", answer: "Alpha", asked: 3, answered: 3, correct: 1, shareCorrect: 1 / 3, wrongAnswers: [{ answer: "Gamma", picks: 2 }], difficulty: { mean: 5, students: 2 } },
      { cardId: "y", type: "typed-year", prompt: "In which year y?", answer: "1914", asked: 3, answered: 2, correct: 2, shareCorrect: 2 / 3, wrongAnswers: [], difficulty: null },
    ]);
  });

  it("is the assignment's teacher's only", async () => {
    await expect(quizItemAnalysis(t.prisma, ids.tom!, ids.quiz!, NOW)).rejects.toMatchObject({ code: "not_found" });
  });
});

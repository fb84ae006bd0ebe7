// Quiz integrity under concurrency and against the class's rules: the attempt limit holds
// under parallel starts, an accepted answer is always in the score, an assigned attempt
// ends by the quiz's closing time and only while the student is in the class, and the
// deck's answers stay hidden from the student while their assigned attempt runs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/api/errors";
import { removeStudent } from "@/lib/classes/classes";
import { createPrisma } from "@/lib/db/client";
import { loadContentDecks } from "@/lib/decks/content";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { answerQuestion, createAttempt, getAttempt, results, submitAttempt } from "./attempts";
import { GRACE_SEC } from "./clock";
import { assertDeckAnswersReadable, runningAssignedQuiz } from "./running";
import { questionSchema, type Question } from "./types";
import { httpStatus } from "@/lib/http/errors";

let t: TestDb;
/** A pool as large as a server's, so parallel calls really run side by side in Postgres. */
let wide: PrismaClient;
let teacher: string;
let deckId: string;
let otherDeckId: string;

beforeAll(async () => {
  t = await freshDb();
  wide = createPrisma(t.url, 24);
  await loadContentDecks(t.prisma);
  teacher = (await t.prisma.user.create({ data: { email: "tess@example.com", name: "Tess", passwordHash: "x", role: "TEACHER" } })).id;
  deckId = (await t.prisma.deck.findUniqueOrThrow({ where: { slug: "soviet-union-metapedia" } })).id;
  otherDeckId = (await t.prisma.deck.findFirstOrThrow({ where: { ownerId: null, id: { not: deckId } } })).id;
});
afterAll(async () => {
  await wide?.$disconnect();
  await t?.drop();
});

const T0 = new Date("2026-06-01T10:00:00Z");
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

async function student(name: string): Promise<string> {
  return (await t.prisma.user.create({ data: { email: `${name}-${randomUUID()}@example.com`, name, passwordHash: "x" } })).id;
}

/** A class of the given students with one quiz assignment on `deck`. */
async function quizFor(students: string[], quiz: { attempts?: number | null; timeLimitSec?: number; closesAt?: Date | null; deck?: string } = {}) {
  const cls = await t.prisma.class.create({ data: { teacherId: teacher, name: "9B", joinCode: randomUUID().slice(0, 9) } });
  await t.prisma.enrollment.createMany({ data: students.map((userId) => ({ classId: cls.id, userId })) });
  const a = await t.prisma.assignment.create({
    data: { classId: cls.id, deckId: quiz.deck ?? deckId, kind: "QUIZ", count: 8, timeLimitSec: quiz.timeLimitSec ?? 600, attempts: quiz.attempts ?? null, closesAt: quiz.closesAt ?? null, dueAt: quiz.closesAt ?? null },
  });
  return { classId: cls.id, assignmentId: a.id };
}

async function keys(attemptId: string): Promise<Map<string, Question>> {
  const rows = await t.prisma.quizQuestion.findMany({ where: { attemptId } });
  return new Map(rows.map((r) => [r.id, questionSchema.parse({ position: r.position, type: r.type, cardId: r.cardId, prompt: r.prompt, payload: r.payload, key: r.key })]));
}
function rightAnswer(q: Question): unknown {
  if (q.type === "mcq") return { choice: q.key.correctIndex };
  if (q.type === "typed-year") return { text: String(q.key.year) };
  return { order: q.key.order };
}
function wrongAnswer(q: Question): unknown {
  if (q.type === "mcq") return { choice: (q.key.correctIndex + 1) % 4 };
  if (q.type === "typed-year") return { text: String(q.key.year + 1) };
  return { order: [...q.key.order].reverse() };
}
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => httpStatus(e));

describe("the attempt limit", () => {
  it("holds under 20 parallel starts: exactly `attempts` succeed, the rest get 409", async () => {
    const sam = await student("sam");
    const { assignmentId } = await quizFor([sam], { attempts: 2 });
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => createAttempt(wide, sam, { assignmentId }, new Date(), `race-${i}`)));
    const ok = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
    expect(ok).toHaveLength(2);
    expect(refused).toHaveLength(18);
    for (const e of refused) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: "conflict", message: "You have used all 2 attempts of this quiz." });
    }
    expect(await t.prisma.quizAttempt.count({ where: { assignmentId, userId: sam } })).toBe(2);
    // Nothing half-made: every stored attempt has its questions.
    const orphans = await t.prisma.quizAttempt.count({ where: { assignmentId, questions: { none: {} } } });
    expect(orphans).toBe(0);
  });

  it("counts each student on their own: one student's starts do not use another's attempts", async () => {
    const [a, b] = [await student("a"), await student("b")];
    const { assignmentId } = await quizFor([a, b], { attempts: 1 });
    const settled = await Promise.allSettled([a, b, a, b, a, b].map((u, i) => createAttempt(wide, u, { assignmentId }, new Date(), `two-${i}`)));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(2);
    expect(await t.prisma.quizAttempt.count({ where: { assignmentId, userId: a } })).toBe(1);
    expect(await t.prisma.quizAttempt.count({ where: { assignmentId, userId: b } })).toBe(1);
  });
});

describe("answers racing the submit", () => {
  it("counts every accepted answer in the score, or refuses it (15 trials, all at once)", async () => {
    const sue = await student("sue");
    for (let trial = 0; trial < 15; trial++) {
      const attempt = await createAttempt(wide, sue, { deckId, count: 10, timeLimitSec: 300 }, new Date(), `submit-race-${trial}`);
      const stored = await keys(attempt.id);
      // Mostly right answers, so a dropped one shows in the score.
      // Answer i goes out after 8i ms and the submit after 5·trial ms, so across trials the
      // submit lands before, among and after the answers.
      const after = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
      const calls = attempt.questions.map((q, i) => {
        const key = stored.get(q.id)!;
        return after(8 * i).then(() => answerQuestion(wide, sue, attempt.id, q.id, i % 3 === 2 ? wrongAnswer(key) : rightAnswer(key)));
      });
      const submit = after(5 * trial).then(() => submitAttempt(wide, sue, attempt.id));
      const [submitted, ...answered] = await Promise.allSettled([submit, ...calls]);
      expect(submitted.status).toBe("fulfilled");
      const result = (submitted as PromiseFulfilledResult<Awaited<ReturnType<typeof submitAttempt>>>).value;
      const rows = await t.prisma.quizQuestion.findMany({ where: { attemptId: attempt.id } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      answered.forEach((a, i) => {
        const row = byId.get(attempt.questions[i]!.id)!;
        if (a.status === "fulfilled") expect(row.answeredAt, `trial ${trial}: an accepted answer is stored`).not.toBeNull();
        else {
          expect(a.reason, `trial ${trial}: a refused answer is a 409`).toMatchObject({ code: "conflict" });
          expect(row.answeredAt, `trial ${trial}: a refused answer is not stored`).toBeNull();
        }
      });
      const correctStored = rows.filter((r) => r.correct === true).length;
      expect({ trial, score: result.score }).toEqual({ trial, score: correctStored });
      expect(result.questions.filter((q) => q.correct).length).toBe(result.score);
      expect((await results(wide, sue, attempt.id)).score).toBe(correctStored);
      expect((await t.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).score).toBe(correctStored);
    }
  });

  it("ends an attempt whose clock ran out with the stored answers' score", async () => {
    const sue = await student("sue2");
    const attempt = await createAttempt(t.prisma, sue, { deckId, count: 5, timeLimitSec: 60 }, T0, "expire");
    const stored = await keys(attempt.id);
    for (const q of attempt.questions.slice(0, 3)) await answerQuestion(t.prisma, sue, attempt.id, q.id, rightAnswer(stored.get(q.id)!), at(10));
    expect((await results(t.prisma, sue, attempt.id, at(600))).score).toBe(3);
  });
});

describe("an assigned attempt", () => {
  it("ends by the quiz's closing time: the deadline never runs past it, and answers stop at it plus the grace", async () => {
    const sid = await student("sid");
    const { assignmentId } = await quizFor([sid], { timeLimitSec: 600, closesAt: at(60) });
    const attempt = await createAttempt(t.prisma, sid, { assignmentId }, T0, "closing");
    expect(attempt.deadline).toBe(at(60).toISOString());
    const stored = await keys(attempt.id);
    const [q1, q2] = attempt.questions;
    await expect(answerQuestion(t.prisma, sid, attempt.id, q1!.id, rightAnswer(stored.get(q1!.id)!), at(60 + GRACE_SEC - 1))).resolves.toEqual({ accepted: true });
    await expect(answerQuestion(t.prisma, sid, attempt.id, q2!.id, rightAnswer(stored.get(q2!.id)!), at(60 + GRACE_SEC + 1))).rejects.toThrow(/Time is up/);
    const r = await results(t.prisma, sid, attempt.id, at(700));
    expect(r).toMatchObject({ score: 1, finishedAt: at(60).toISOString() });
  });

  it("keeps the time limit when the quiz closes later, and stops at an earlier closing time the teacher sets after the start", async () => {
    const sid = await student("sid2");
    const { assignmentId } = await quizFor([sid], { timeLimitSec: 120, closesAt: at(3600) });
    const attempt = await createAttempt(t.prisma, sid, { assignmentId }, T0, "closing-later");
    expect(attempt.deadline).toBe(at(120).toISOString());
    await t.prisma.assignment.update({ where: { id: assignmentId }, data: { closesAt: at(30), dueAt: at(30) } });
    expect((await getAttempt(t.prisma, sid, attempt.id, at(31))).deadline).toBe(at(30).toISOString());
    const q = attempt.questions[0]!;
    await expect(answerQuestion(t.prisma, sid, attempt.id, q.id, rightAnswer((await keys(attempt.id)).get(q.id)!), at(30 + GRACE_SEC + 1))).rejects.toThrow(/Time is up/);
  });

  it("cannot be answered once the student is removed from the class, and nothing is stored", async () => {
    const sal = await student("sal");
    const { assignmentId, classId } = await quizFor([sal]);
    const attempt = await createAttempt(t.prisma, sal, { assignmentId }, T0, "removed");
    const stored = await keys(attempt.id);
    const [q1, q2] = attempt.questions;
    await answerQuestion(t.prisma, sal, attempt.id, q1!.id, rightAnswer(stored.get(q1!.id)!), at(5));
    await removeStudent(t.prisma, teacher, classId, sal);
    const err = await answerQuestion(t.prisma, sal, attempt.id, q2!.id, rightAnswer(stored.get(q2!.id)!), at(6)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "conflict", message: expect.stringMatching(/no longer in the class/) });
    expect((await t.prisma.quizQuestion.findUniqueOrThrow({ where: { id: q2!.id } })).answeredAt).toBeNull();
    // A self-made quiz is not tied to a class and keeps working.
    const own = await createAttempt(t.prisma, sal, { deckId, count: 5, timeLimitSec: 60 }, T0, "own");
    const ownQ = own.questions[0]!;
    await expect(answerQuestion(t.prisma, sal, own.id, ownQ.id, rightAnswer((await keys(own.id)).get(ownQ.id)!), at(6))).resolves.toEqual({ accepted: true });
  });
});

describe("the deck's answers while an assigned attempt runs", () => {
  it("are hidden from that student until the attempt is submitted, and from nobody else", async () => {
    const [sky, sol] = [await student("sky"), await student("sol")];
    const { assignmentId } = await quizFor([sky, sol], { timeLimitSec: 300 });
    expect(await runningAssignedQuiz(t.prisma, sky, deckId, T0)).toBeNull();
    const attempt = await createAttempt(t.prisma, sky, { assignmentId }, T0, "hidden");
    expect(await runningAssignedQuiz(t.prisma, sky, deckId, at(10))).toMatchObject({ attemptId: attempt.id, deadline: at(300) });
    await expect(assertDeckAnswersReadable(t.prisma, sky, deckId, at(10))).rejects.toMatchObject({ code: "conflict", details: { hiddenUntil: at(300 + GRACE_SEC).toISOString() } });
    // Another student of the class, another deck: unaffected.
    expect(await statusOf(assertDeckAnswersReadable(t.prisma, sol, deckId, at(10)))).toBe(200);
    expect(await statusOf(assertDeckAnswersReadable(t.prisma, sky, otherDeckId, at(10)))).toBe(200);
    await submitAttempt(t.prisma, sky, attempt.id, at(20));
    expect(await statusOf(assertDeckAnswersReadable(t.prisma, sky, deckId, at(21)))).toBe(200);
  });

  it("are readable again once the clock has run out, and a self-made quiz hides nothing", async () => {
    const sly = await student("sly");
    const { assignmentId } = await quizFor([sly], { timeLimitSec: 60 });
    await createAttempt(t.prisma, sly, { assignmentId }, T0, "clock");
    expect(await statusOf(assertDeckAnswersReadable(t.prisma, sly, deckId, at(60 + GRACE_SEC - 1)))).toBe(409);
    expect(await statusOf(assertDeckAnswersReadable(t.prisma, sly, deckId, at(60 + GRACE_SEC + 1)))).toBe(200);
    await createAttempt(t.prisma, sly, { deckId: otherDeckId, count: 5, timeLimitSec: 60 }, at(100), "self");
    expect(await statusOf(assertDeckAnswersReadable(t.prisma, sly, otherDeckId, at(110)))).toBe(200);
  });

  it("are not shown by the results of the student's other quizzes on those cards", async () => {
    const sen = await student("sen");
    const { assignmentId } = await quizFor([sen], { timeLimitSec: 300, attempts: 2 });
    const first = await createAttempt(t.prisma, sen, { assignmentId }, T0, "first");
    await submitAttempt(t.prisma, sen, first.id, at(10));
    const practice = await createAttempt(t.prisma, sen, { deckId: otherDeckId, count: 5, timeLimitSec: 60 }, at(11), "practice");
    const second = await createAttempt(t.prisma, sen, { assignmentId }, at(20), "second");
    // The first attempt's results carry the deck's answers: closed while the second runs.
    await expect(results(t.prisma, sen, first.id, at(30))).rejects.toMatchObject({ code: "conflict", details: { hiddenUntil: at(320 + GRACE_SEC).toISOString() } });
    // A practice quiz on the same deck can be submitted, but shows nothing either.
    const same = await createAttempt(t.prisma, sen, { deckId, count: 5, timeLimitSec: 60 }, at(21), "same-deck");
    await expect(submitAttempt(t.prisma, sen, same.id, at(25))).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/^Submitted\./) });
    expect((await t.prisma.quizAttempt.findUniqueOrThrow({ where: { id: same.id } })).submittedAt).toEqual(at(25));
    // A quiz on other cards is unaffected (its clock ran out at 71 s).
    expect(await statusOf(results(t.prisma, sen, practice.id, at(100)))).toBe(200);
    await submitAttempt(t.prisma, sen, second.id, at(40));
    expect(await statusOf(results(t.prisma, sen, first.id, at(41)))).toBe(200);
    expect(await statusOf(results(t.prisma, sen, same.id, at(41)))).toBe(200);
  });
});

// A student's own progress (myProgress, one statement for all their assignments) is their
// row of the teacher's class progress, and never anyone else's.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContentDecks } from "@/lib/decks/content";
import { createAttempt, submitAttempt } from "@/lib/quiz/attempts";
import { gradeCard } from "@/lib/review/grade";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { createAssignment, setAccommodation } from "./assignments";
import { createClass, joinClass, updateClass } from "./classes";
import { assignmentProgress, myProgress } from "./progress";

let t: TestDb;
const T0 = new Date("2026-09-01T08:00:00Z");
const NOW = new Date("2026-09-01T09:00:00Z");
const DAY = 86_400_000;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await freshDb();
  await loadContentDecks(t.prisma);
  const deckId = (await t.prisma.deck.findUniqueOrThrow({ where: { slug: "soviet-union-metapedia" } })).id;
  const user = async (name: string, role: "STUDENT" | "TEACHER") => {
    const u = await t.prisma.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role } });
    ids[name] = u.id;
    return { id: u.id, role };
  };
  const [tina, tom, sam, sue] = [await user("tina", "TEACHER"), await user("tom", "TEACHER"), await user("sam", "STUDENT"), await user("sue", "STUDENT")];

  // Every assignment is on the same deck, so a figure joined to the wrong assignment would show.
  const review = (teacherId: string, classId: string) => createAssignment(t.prisma, teacherId, { kind: "REVIEW", classId, deckId, dueAt: new Date(T0.getTime() + 14 * DAY), targetRecall: 0.8 }, T0);
  const shared = await createClass(t.prisma, tina.id, "Shared", T0);
  for (const s of [sam, sue]) await joinClass(t.prisma, s, shared.joinCode, T0);
  ids.review = (await review(tina.id, shared.id)).id;
  ids.quiz = (await createAssignment(t.prisma, tina.id, { kind: "QUIZ", classId: shared.id, deckId, count: 5, timeLimitSec: 600, attempts: 2, opensAt: new Date(T0.getTime() - 3_600_000), closesAt: new Date(T0.getTime() + DAY) }, T0)).id;
  await setAccommodation(t.prisma, tina.id, ids.review, sam.id, { timeFactor: 1, extendedDueAt: new Date(T0.getTime() + 20 * DAY) });
  await setAccommodation(t.prisma, tina.id, ids.quiz, sue.id, { timeFactor: 2, extendedDueAt: new Date(T0.getTime() + 2 * DAY) });

  const suesOnly = await createClass(t.prisma, tom.id, "Sue's other class", T0);
  await joinClass(t.prisma, sue, suesOnly.joinCode, T0);
  ids.suesOnly = (await review(tom.id, suesOnly.id)).id;

  const archived = await createClass(t.prisma, tina.id, "Last year", T0);
  await joinClass(t.prisma, sam, archived.joinCode, T0);
  ids.archived = (await review(tina.id, archived.id)).id;
  await updateClass(t.prisma, tina.id, archived.id, { archived: true });

  // Sam studies two cards (one failed) and takes the quiz; Sue studies five.
  const cards = await t.prisma.card.findMany({ where: { deckId, retiredAt: null }, orderBy: { position: "asc" }, take: 5 });
  const grade = (userId: string, cardId: string, rating: 1 | 3) => gradeCard(t.prisma, userId, { cardId, rating, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 3000 }, T0);
  await grade(sam.id, cards[0]!.id, 3);
  await grade(sam.id, cards[1]!.id, 1);
  for (const c of cards) await grade(sue.id, c.id, 3);
  const attempt = await createAttempt(t.prisma, sam.id, { assignmentId: ids.quiz }, T0);
  await submitAttempt(t.prisma, sam.id, attempt.id, T0);
});
afterAll(async () => {
  await t.drop();
});

const classRow = async (teacher: string, assignmentId: string, student: string) =>
  (await assignmentProgress(t.prisma, ids[teacher]!, assignmentId, NOW)).students.find((s) => s.userId === ids[student]);

describe("a student's own progress", () => {
  it("equals their row of the class progress on every assignment of their current classes", async () => {
    const sam = await myProgress(t.prisma, ids.sam!, NOW);
    expect([...sam.keys()].sort()).toEqual([ids.review, ids.quiz].sort());
    expect(sam.get(ids.review!)).toEqual(await classRow("tina", ids.review!, "sam"));
    expect(sam.get(ids.quiz!)).toEqual(await classRow("tina", ids.quiz!, "sam"));
    expect(sam.get(ids.review!)).toMatchObject({ cardsStarted: 2, reviews: 2, timeSpentSec: 6, quizBest: 0, dueAt: "2026-09-21T08:00:00.000Z" });
    expect(sam.get(ids.review!)!.predictedRecall).toBeGreaterThan(0);
    // A 0 % attempt is finished, not complete (issue 14).
    expect(sam.get(ids.quiz!)).toMatchObject({ quizBest: 0, quizLast: 0, status: "finished", dueAt: "2026-09-02T08:00:00.000Z" });

    const sue = await myProgress(t.prisma, ids.sue!, NOW);
    expect([...sue.keys()].sort()).toEqual([ids.review, ids.quiz, ids.suesOnly].sort());
    expect(sue.get(ids.review!)).toEqual(await classRow("tina", ids.review!, "sue"));
    expect(sue.get(ids.quiz!)).toEqual(await classRow("tina", ids.quiz!, "sue"));
    expect(sue.get(ids.suesOnly!)).toEqual(await classRow("tom", ids.suesOnly!, "sue"));
  });

  it("calls a finished quiz complete only when its best score meets the assignment's target", async () => {
    const status = async () => (await myProgress(t.prisma, ids.sam!, NOW)).get(ids.quiz!)!.status;
    try {
      await t.prisma.assignment.update({ where: { id: ids.quiz! }, data: { targetRecall: 0.5 } });
      expect(await status()).toBe("finished");
      await t.prisma.assignment.update({ where: { id: ids.quiz! }, data: { targetRecall: 0 } });
      expect(await status()).toBe("complete");
    } finally {
      await t.prisma.assignment.update({ where: { id: ids.quiz! }, data: { targetRecall: null } });
    }
  });

  it("never shows another student's figures, accommodations or quiz scores", async () => {
    const sam = await myProgress(t.prisma, ids.sam!, NOW);
    const sue = await myProgress(t.prisma, ids.sue!, NOW);
    for (const row of sam.values()) expect(row).toMatchObject({ userId: ids.sam, name: "sam", email: "sam@example.com" });
    for (const row of sue.values()) expect(row).toMatchObject({ userId: ids.sue, name: "sue", email: "sue@example.com" });
    // Sue's five reviews, her own due dates and no quiz: none of Sam's figures.
    expect(sue.get(ids.review!)).toMatchObject({ cardsStarted: 5, reviews: 5, quizBest: null, quizLast: null, dueAt: "2026-09-15T08:00:00.000Z" });
    expect(sue.get(ids.quiz!)).toMatchObject({ quizBest: null, status: "not started", dueAt: "2026-09-03T08:00:00.000Z" });
    expect(sue.get(ids.suesOnly!)).toMatchObject({ cardsStarted: 5, reviews: 5 });
    // A student in no class sees nothing.
    const loner = await t.prisma.user.create({ data: { email: "lou@example.com", name: "lou", passwordHash: "x" } });
    expect((await myProgress(t.prisma, loner.id, NOW)).size).toBe(0);
  });
});

// Exam date mode on real Postgres (issue 14): the teacher's exam plan per student against
// hand-computed figures, a learner's opt-in (and its refusals), the scheduler honouring it
// when grading and in the queue, its end at the due date, and the due date followed when
// the teacher moves it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { gradeCard } from "@/lib/review/grade";
import { loadQueue } from "@/lib/review/load-queue";
import { forgettingCurveConstants } from "@/lib/srs/retrievability";
import { recallAfter } from "@/lib/stats/recall";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { createAssignment, listAssignments, setAccommodation, updateAssignment } from "./assignments";
import { createClass, joinClass } from "./classes";
import { startExamMode, stopExamMode } from "./exam-mode";
import { cardsToLift } from "./exam-plan";
import { assignmentExamPlans, myExamPlans } from "./progress";

let t: TestDb;
const DAY = 86_400_000;
const NOW = new Date("2026-09-01T12:00:00Z");
const DUE = new Date(NOW.getTime() + 2 * DAY); // learner day 2026-09-03: today and two more days
const ids: Record<string, string> = {};
const curve = forgettingCurveConstants(toSrsParams(defaultReviewSettings));

beforeAll(async () => {
  t = await freshDb();
  const p = t.prisma;
  const user = async (name: string, role: "STUDENT" | "TEACHER" = "STUDENT") =>
    (ids[name] = (await p.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role } })).id);
  for (const n of ["tina", "tom"]) await user(n, "TEACHER");
  for (const n of ["sam", "sue"]) await user(n);
  const deck = await p.deck.create({ data: { slug: "exam", title: "Exam deck" } });
  const other = await p.deck.create({ data: { slug: "other", title: "Other deck" } });
  ids.deck = deck.id;
  for (let i = 1; i <= 8; i++) {
    await p.card.create({ data: { id: `c${i}`, deckId: deck.id, kind: "BASIC", subject: `c${i}`, prompt: `Q${i}`, answer: `A${i}`, quote: "q", start: 0, end: 1, position: i } });
  }
  await p.card.create({ data: { id: "x1", deckId: other.id, kind: "BASIC", subject: "x1", prompt: "X", answer: "X", quote: "q", start: 0, end: 1 } });
  const cls = await createClass(p, ids.tina!, "Exam class", NOW);
  for (const s of ["sam", "sue"]) await joinClass(p, { id: ids[s]!, role: "STUDENT" }, cls.joinCode, NOW);
  ids.review = (await createAssignment(p, ids.tina!, { kind: "REVIEW", classId: cls.id, deckId: deck.id, dueAt: DUE, targetRecall: 0.8 }, NOW)).id;
  ids.quiz = (await createAssignment(p, ids.tina!, { kind: "QUIZ", classId: cls.id, deckId: deck.id, count: 5, timeLimitSec: 600, attempts: 1, opensAt: NOW, closesAt: DUE }, NOW)).id;
  const toms = await createClass(p, ids.tom!, "Tom's class", NOW);
  ids.toms = (await createAssignment(p, ids.tom!, { kind: "REVIEW", classId: toms.id, deckId: deck.id, dueAt: DUE, targetRecall: 0.8 }, NOW)).id;

  // Sam studied c1-c4 yesterday (review state); c5-c8 never. Stored due = last review + stability.
  const last = new Date(NOW.getTime() - DAY);
  for (const [cardId, stability] of [["c1", 100], ["c2", 2], ["c3", 0.2], ["c4", 0.1], ["x1", 2]] as const) {
    await p.cardState.create({
      data: { userId: ids.sam!, cardId, due: new Date(last.getTime() + Math.max(1, Math.round(stability)) * DAY), stability, difficulty: 5, scheduledDays: Math.max(1, Math.round(stability)), learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: last, version: 2 },
    });
  }
});
afterAll(async () => {
  await t.drop();
});

describe("the teacher's exam plan", () => {
  it("counts the cards each student must review to reach the target by the due date, and per day (hand-computed)", async () => {
    // Recall on the due day (2026-09-03), 3 learner days after the last review (2026-08-31):
    const r = [100, 2, 0.2, 0.1].map((s) => recallAfter(3, s, curve));
    expect(r[0]).toBeCloseTo(0.9955, 3); // (1 + 0.98035 · 3/100)^-0.1542
    expect(r[1]).toBeCloseTo(0.8698, 3); // above the target 0.8 too: spare 0.1955 + 0.0698 = 0.2653
    expect(r[2]).toBeCloseTo(0.6540, 3); // short 0.1460
    expect(r[3]).toBeCloseTo(0.5906, 3); // short 0.2094; together 0.3554 > 0.2653: review c4, then 0.1460 is covered
    // Sam: the 4 unstudied cards + c4 = 5 cards over 3 days (today, tomorrow, the due day): 2 a day.
    // Sue: all 8 unstudied: ceil(8 / 3) = 3 a day.
    expect(cardsToLift(r.filter((x) => x < 0.8).map((x) => 0.8 - x), r.filter((x) => x >= 0.8).reduce((sum, x) => sum + x - 0.8, 0))).toBe(1);
    const { students } = await assignmentExamPlans(t.prisma, ids.tina!, ids.review!, NOW);
    expect(Object.fromEntries(students.map(({ userId, ...plan }) => [userId, plan]))).toEqual({
      [ids.sam!]: { cardsToReview: 5, daysLeft: 3, perDay: 2 },
      [ids.sue!]: { cardsToReview: 8, daysLeft: 3, perDay: 3 },
    });
    // The student sees their own plan on their home page.
    expect((await myExamPlans(t.prisma, ids.sam!, NOW)).get(ids.review!)).toEqual({ cardsToReview: 5, daysLeft: 3, perDay: 2 });
    // A quiz has no exam plan; past the due date neither has a review goal; another teacher's assignment is not found.
    expect((await assignmentExamPlans(t.prisma, ids.tina!, ids.quiz!, NOW)).students).toEqual([]);
    expect((await assignmentExamPlans(t.prisma, ids.tina!, ids.review!, new Date(DUE.getTime() + DAY))).students).toEqual([]);
    await expect(assignmentExamPlans(t.prisma, ids.tom!, ids.review!, NOW)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a learner's exam date mode", () => {
  const queueIds = async (userId: string, now: Date) => (await loadQueue(t.prisma, userId, { deckId: ids.deck!, limit: 50 }, now)).cards.filter((c) => c.queue === "review").map((c) => c.cardId);

  it("is refused for a quiz, another class's assignment and a due date already past, and changes nothing", async () => {
    await expect(startExamMode(t.prisma, ids.sam!, ids.quiz!, NOW)).rejects.toMatchObject({ code: "conflict" });
    await expect(startExamMode(t.prisma, ids.sam!, ids.toms!, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(startExamMode(t.prisma, ids.tina!, ids.review!, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(startExamMode(t.prisma, ids.sam!, ids.review!, new Date(DUE.getTime() + 1))).rejects.toMatchObject({ code: "conflict" });
    expect(await t.prisma.examMode.count()).toBe(0);
  });

  it("brings forward the deck's cards whose interval at the raised retention has passed, until the due date", async () => {
    // c2 (stability 2) is stored due tomorrow: not in today's queue at retention 0.9 (c3 and c4 are due today).
    expect(await queueIds(ids.sam!, NOW)).toEqual(["c3", "c4"]);
    const mode = await startExamMode(t.prisma, ids.sam!, ids.review!, NOW);
    // 0.95: 5 points above the higher of the learner's 0.90 and the target 0.80.
    expect(mode).toEqual({ assignmentId: ids.review, deckId: ids.deck, desiredRetention: 0.95, until: DUE.toISOString() });
    // At 0.95 an interval is 0.40 x stability: c2's 2 days -> 1 day, due now; c1's 100 -> 40, not yet.
    expect(await queueIds(ids.sam!, NOW)).toEqual(["c2", "c3", "c4"]);
    const mine = await listAssignments(t.prisma, { id: ids.sam!, role: "STUDENT" }, NOW);
    expect(mine.find((a) => a.id === ids.review)!.examMode).toEqual({ desiredRetention: 0.95, until: DUE.toISOString() });
    // Past the due date it no longer counts (the card's stored due is back in charge; it is due by then anyway,
    // so look at its preview: graded Good at the stored params, not the raised ones).
    const later = await loadQueue(t.prisma, ids.sam!, { deckId: ids.deck!, limit: 50 }, new Date(DUE.getTime() + 60_000));
    const raised = await loadQueue(t.prisma, ids.sam!, { deckId: ids.deck!, limit: 50 }, NOW);
    expect(Date.parse(raised.cards.find((c) => c.cardId === "c2")!.previews["3"].due)).toBeLessThan(Date.parse(later.cards.find((c) => c.cardId === "c2")!.previews["3"].due) - 2 * DAY);
  });

  it("schedules the deck's grades at the raised retention and records it; other decks keep the learner's own", async () => {
    const grade = (cardId: string) => gradeCard(t.prisma, ids.sam!, { cardId, rating: 3, idempotencyKey: randomUUID(), durationMs: 2000, expectedVersion: 2 }, NOW);
    const inDeck = await grade("c2");
    const elsewhere = await grade("x1");
    // Same stability, same rating, same moment: the exam deck's card comes back sooner.
    expect(inDeck.state.scheduledDays).toBeLessThan(elsewhere.state.scheduledDays);
    const logs = await t.prisma.reviewLog.findMany({ where: { userId: ids.sam! }, orderBy: { id: "asc" }, select: { cardId: true, params: true } });
    expect(logs.map((l) => [l.cardId, (l.params as { desiredRetention: number }).desiredRetention])).toEqual([["c2", 0.95], ["x1", 0.9]]);
  });

  it("follows the due date when the teacher moves it or extends it for the student, and ends on opting out", async () => {
    const later = new Date(DUE.getTime() + 3 * DAY);
    await updateAssignment(t.prisma, ids.tina!, ids.review!, { dueAt: later }, NOW);
    expect((await t.prisma.examMode.findFirstOrThrow({ where: { userId: ids.sam! } })).until).toEqual(later);
    const extended = new Date(later.getTime() + 2 * DAY);
    await setAccommodation(t.prisma, ids.tina!, ids.review!, ids.sam!, { timeFactor: 1, extendedDueAt: extended });
    expect((await t.prisma.examMode.findFirstOrThrow({ where: { userId: ids.sam! } })).until).toEqual(extended);
    // A class-wide move does not override the student's own extension.
    await updateAssignment(t.prisma, ids.tina!, ids.review!, { dueAt: DUE }, NOW);
    expect((await t.prisma.examMode.findFirstOrThrow({ where: { userId: ids.sam! } })).until).toEqual(extended);
    await stopExamMode(t.prisma, ids.sam!, ids.review!);
    expect(await t.prisma.examMode.count()).toBe(0);
  });
});

import { randomUUID } from "node:crypto";
import { DomainError } from "@/lib/api/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignmentSchema, updateAssignmentSchema } from "@/lib/api/classes";
import { loadContentDecks } from "@/lib/decks/content";
import { createAttempt } from "@/lib/quiz/attempts";
import { gradeCard } from "@/lib/review/grade";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { retrievability } from "@/lib/srs/retrievability";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { createAssignment, deleteAssignment, listAssignments, setAccommodation, updateAssignment } from "./assignments";
import { createClass, joinClass, leaveClass, listClasses, regenerateCode, removeStudent, updateClass } from "./classes";
import { assignmentCards, assignmentProgress, progressCsv } from "./progress";
import { httpStatus } from "@/lib/http/errors";

let t: TestDb;
let deckId: string;
const users: Record<string, { id: string; role: "STUDENT" | "TEACHER" }> = {};

beforeAll(async () => {
  t = await freshDb();
  await loadContentDecks(t.prisma);
  deckId = (await t.prisma.deck.findUniqueOrThrow({ where: { slug: "soviet-union-metapedia" } })).id;
  for (const [name, role] of [["tina", "TEACHER"], ["tom", "TEACHER"], ["sam", "STUDENT"], ["sue", "STUDENT"], ["sid", "STUDENT"]] as const) {
    const u = await t.prisma.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role } });
    users[name] = { id: u.id, role };
  }
});
afterAll(async () => {
  await t.drop();
});

const T0 = new Date("2026-09-01T08:00:00Z");
const u = (name: string) => users[name]!;
const status = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => httpStatus(e));

describe("classes and their access rules", () => {
  it("lets a student join by code once, and refuses wrong, expired and teacher joins without changing anything", async () => {
    const cls = await createClass(t.prisma, u("tina").id, "History 9B", T0);
    expect(cls.joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(joinClass(t.prisma, u("sam"), cls.joinCode.toLowerCase().replace("-", " "), T0)).resolves.toMatchObject({ id: cls.id });
    await expect(joinClass(t.prisma, u("sam"), cls.joinCode, T0)).rejects.toThrow(/already in this class/);
    await expect(joinClass(t.prisma, u("sam"), "ZZZZ-ZZZZ", T0)).rejects.toMatchObject({ code: "not_found" });
    await expect(joinClass(t.prisma, u("tina"), cls.joinCode, T0)).rejects.toThrow(/You teach this class/);
    await expect(joinClass(t.prisma, u("tom"), cls.joinCode, T0)).rejects.toMatchObject({ code: "forbidden" });
    const later = new Date(T0.getTime() + 31 * 86_400_000);
    await expect(joinClass(t.prisma, u("sue"), cls.joinCode, later)).rejects.toThrow(/expired/);
    expect(await t.prisma.enrollment.count({ where: { classId: cls.id } })).toBe(1);
    // A new code works again; the old one no longer does.
    const fresh = await regenerateCode(t.prisma, u("tina").id, cls.id, later);
    await expect(joinClass(t.prisma, u("sue"), cls.joinCode, later)).rejects.toMatchObject({ code: "not_found" });
    await expect(joinClass(t.prisma, u("sue"), fresh.joinCode, later)).resolves.toMatchObject({ id: cls.id });
  });

  it("keeps each teacher to their own classes and students to theirs (404, never the data)", async () => {
    const cls = (await listClasses(t.prisma, u("tina")))[0]!;
    expect(cls.students?.map((s) => s.name).sort()).toEqual(["sam", "sue"]);
    expect(await listClasses(t.prisma, u("tom"))).toEqual([]);
    const samView = await listClasses(t.prisma, u("sam"));
    expect(samView).toHaveLength(1);
    expect(samView[0]).not.toHaveProperty("joinCode");
    expect(samView[0]).not.toHaveProperty("students");
    expect(await listClasses(t.prisma, u("sid"))).toEqual([]);

    expect(await status(updateClass(t.prisma, u("tom").id, cls.id, { name: "Mine now" }))).toBe(404);
    expect(await status(regenerateCode(t.prisma, u("tom").id, cls.id))).toBe(404);
    expect(await status(removeStudent(t.prisma, u("tom").id, cls.id, u("sam").id))).toBe(404);
    expect(await status(createAssignment(t.prisma, u("tom").id, createAssignmentSchema.parse({ kind: "REVIEW", classId: cls.id, deckId, dueAt: "2026-10-01T00:00:00Z", targetRecall: 0.8 }), T0))).toBe(404);
    expect(await status(leaveClass(t.prisma, u("sid").id, cls.id))).toBe(404);
    expect((await t.prisma.class.findUniqueOrThrow({ where: { id: cls.id } })).name).toBe("History 9B");
  });

  it("keeps assignments to their class: other teachers and outside students get 404", async () => {
    const cls = (await listClasses(t.prisma, u("tina")))[0]!;
    const a = await createAssignment(t.prisma, u("tina").id, createAssignmentSchema.parse({ kind: "REVIEW", classId: cls.id, deckId, dueAt: "2026-09-15T00:00:00Z", targetRecall: 0.85 }), T0);
    for (const call of [
      () => assignmentProgress(t.prisma, u("tom").id, a.id),
      () => assignmentCards(t.prisma, u("tom").id, a.id),
      () => updateAssignment(t.prisma, u("tom").id, a.id, { targetRecall: 0.1 }),
      () => deleteAssignment(t.prisma, u("tom").id, a.id),
      () => setAccommodation(t.prisma, u("tom").id, a.id, u("sam").id, { timeFactor: 2, extendedDueAt: null }),
      () => setAccommodation(t.prisma, u("tina").id, a.id, u("sid").id, { timeFactor: 2, extendedDueAt: null }),
    ]) {
      expect(await status(call())).toBe(404);
    }
    expect((await listAssignments(t.prisma, u("sam"))).map((x) => x.id)).toContain(a.id);
    expect((await listAssignments(t.prisma, u("sid"))).map((x) => x.id)).not.toContain(a.id);
    expect((await listAssignments(t.prisma, u("tom"))).map((x) => x.id)).not.toContain(a.id);
    expect((await t.prisma.assignment.findUniqueOrThrow({ where: { id: a.id } })).targetRecall).toBe(0.85);
  });

  it("refuses an assigned quiz to a student outside the class, applies the accommodation factor and the attempt limit", async () => {
    const cls = (await listClasses(t.prisma, u("tina")))[0]!;
    const q = await createAssignment(t.prisma, u("tina").id, createAssignmentSchema.parse({
      kind: "QUIZ", classId: cls.id, deckId, count: 5, timeLimitSec: 100, attempts: 1, opensAt: "2026-09-01T07:00:00Z", closesAt: "2026-09-01T20:00:00Z",
    }), T0);
    await setAccommodation(t.prisma, u("tina").id, q.id, u("sue").id, { timeFactor: 1.5, extendedDueAt: null });
    expect(await status(createAttempt(t.prisma, u("sid").id, { assignmentId: q.id }, T0))).toBe(404);
    const sam = await createAttempt(t.prisma, u("sam").id, { assignmentId: q.id }, T0);
    expect(new Date(sam.deadline).getTime() - T0.getTime()).toBe(100_000);
    const sue = await createAttempt(t.prisma, u("sue").id, { assignmentId: q.id }, T0);
    expect(new Date(sue.deadline).getTime() - T0.getTime()).toBe(150_000);
    expect(await status(createAttempt(t.prisma, u("sam").id, { assignmentId: q.id }, T0))).toBe(409);
    expect(await status(createAttempt(t.prisma, u("sam").id, { assignmentId: q.id }, new Date("2026-09-02T00:00:00Z")))).toBe(409);

    // Editing: the quiz is due when it closes, so moving the close moves the due date; a
    // window closing before it opens is refused with the field named; settings keep their ranges.
    const closesAt = new Date("2026-09-03T20:00:00Z");
    expect(await updateAssignment(t.prisma, u("tina").id, q.id, { closesAt }, T0)).toMatchObject({ closesAt, dueAt: closesAt });
    await expect(updateAssignment(t.prisma, u("tina").id, q.id, { opensAt: new Date("2026-09-04T00:00:00Z") }, T0)).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { closesAt: "closesAt must be after opensAt" } },
    });
    expect(updateAssignmentSchema.safeParse({ count: 4, attempts: 1.5 }).error?.issues.map((i) => i.message)).toEqual(["count must be 5–50", "attempts must be 1–20"]);
  });

  it("refuses a due date or a quiz window in the past, saving nothing (issue 15)", async () => {
    const cls = (await listClasses(t.prisma, u("tina")))[0]!;
    const before = await t.prisma.assignment.count();
    await expect(createAssignment(t.prisma, u("tina").id, createAssignmentSchema.parse({ kind: "REVIEW", classId: cls.id, deckId, dueAt: "2020-01-01T00:00:00Z", targetRecall: 0.8 }), T0)).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/due date \(1 Jan 2020.*already passed/),
    });
    await expect(createAssignment(t.prisma, u("tina").id, createAssignmentSchema.parse({
      kind: "QUIZ", classId: cls.id, deckId, count: 5, timeLimitSec: 100, attempts: 1, opensAt: "2026-08-01T07:00:00Z", closesAt: "2026-08-02T20:00:00Z",
    }), T0)).rejects.toMatchObject({ code: "validation_failed", details: { fields: { closesAt: expect.stringContaining("already passed") } } });
    expect(await t.prisma.assignment.count()).toBe(before);
    const a = await createAssignment(t.prisma, u("tina").id, createAssignmentSchema.parse({ kind: "REVIEW", classId: cls.id, deckId, dueAt: "2026-09-15T00:00:00Z", targetRecall: 0.8 }), T0);
    await expect(updateAssignment(t.prisma, u("tina").id, a.id, { dueAt: new Date("2026-08-31T00:00:00Z") }, T0)).rejects.toMatchObject({ code: "validation_failed" });
    expect((await t.prisma.assignment.findUniqueOrThrow({ where: { id: a.id } })).dueAt).toEqual(new Date("2026-09-15T00:00:00Z"));
    await deleteAssignment(t.prisma, u("tina").id, a.id);
  });

  it("refuses a quiz with more questions than the deck can supply, saying how many it can (issue 15)", async () => {
    const cls = (await listClasses(t.prisma, u("tina")))[0]!;
    const quiz = (count: number) =>
      createAssignmentSchema.parse({ kind: "QUIZ", classId: cls.id, deckId, count, timeLimitSec: 300, attempts: 1, opensAt: "2026-09-01T07:00:00Z", closesAt: "2026-09-09T20:00:00Z" });
    const before = await t.prisma.assignment.count();
    const refused = (await createAssignment(t.prisma, u("tina").id, quiz(50), T0).catch((e: unknown) => e)) as DomainError;
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.code).toBe("validation_failed");
    const max = refused.details?.maxQuestions as number;
    expect(max).toBeLessThan(50);
    expect(refused.message).toContain(`at most ${max} questions`);
    expect(await t.prisma.assignment.count()).toBe(before);
    // As many as it can is fine; raising the count past it later is refused the same way.
    const q = await createAssignment(t.prisma, u("tina").id, quiz(max), T0);
    await expect(updateAssignment(t.prisma, u("tina").id, q.id, { count: max + 1 }, T0)).rejects.toMatchObject({ code: "validation_failed", details: { maxQuestions: max } });
    await deleteAssignment(t.prisma, u("tina").id, q.id);
  });

  it("lets a student leave, and a teacher remove a student, each only once", async () => {
    const cls = await createClass(t.prisma, u("tina").id, "Leavers", T0);
    await joinClass(t.prisma, u("sid"), cls.joinCode, T0);
    await leaveClass(t.prisma, u("sid").id, cls.id);
    expect(await status(leaveClass(t.prisma, u("sid").id, cls.id))).toBe(404);
    await joinClass(t.prisma, u("sid"), cls.joinCode, T0);
    await removeStudent(t.prisma, u("tina").id, cls.id, u("sid").id);
    expect(await status(removeStudent(t.prisma, u("tina").id, cls.id, u("sid").id))).toBe(404);
  });
});

describe("progress and predicted recall", () => {
  it("matches ts-fsrs's retrievability on hand-made states, counting unstudied cards as 0", async () => {
    const cls = await createClass(t.prisma, u("tom").id, "Recall maths", T0);
    const student = await t.prisma.user.create({ data: { email: "rita@example.com", name: "Rita", passwordHash: "x", timezone: "Europe/Berlin", rolloverHour: 4 } });
    await t.prisma.enrollment.create({ data: { classId: cls.id, userId: student.id } });
    const dueAt = new Date("2026-09-20T12:00:00Z");
    const a = await createAssignment(t.prisma, u("tom").id, { kind: "REVIEW", classId: cls.id, deckId, dueAt, targetRecall: 0.8 }, T0);
    const cards = await t.prisma.card.findMany({ where: { deckId, retiredAt: null }, orderBy: { id: "asc" } });
    const states = [
      { stability: 3.2, lastReview: new Date("2026-09-10T06:30:00Z") },
      { stability: 40, lastReview: new Date("2026-09-01T01:30:00Z") }, // 03:30 in Berlin, before the 04:00 rollover: still 31 August
      { stability: 0.5, lastReview: new Date("2026-09-19T22:00:00Z") },
    ];
    await t.prisma.cardState.createMany({
      data: states.map((s, i) => ({ userId: student.id, cardId: cards[i]!.id, due: dueAt, stability: s.stability, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: s.lastReview, version: 2 })),
    });
    const params = { ...toSrsParams(defaultReviewSettings), timezone: "Europe/Berlin", rolloverHour: 4 };
    const expected = states.reduce((sum, s) => sum + retrievability({ due: dueAt, stability: s.stability, difficulty: 5, scheduledDays: 3, stepIndex: 0, reps: 2, lapses: 0, state: 2, lastReview: s.lastReview }, dueAt, params), 0) / cards.length;
    // Written out: R = (1 + factor · days / S) ^ -0.1542 with factor = 0.9^(1/-0.1542) - 1.
    const factor = Math.pow(0.9, 1 / -0.1542) - 1;
    const byHand = [10, 20, 1].map((days, i) => Math.pow(1 + (factor * days) / states[i]!.stability, -0.1542));
    expect(expected).toBeCloseTo(byHand.reduce((x, y) => x + y, 0) / cards.length, 6);

    const { students } = await assignmentProgress(t.prisma, u("tom").id, a.id, T0);
    expect(students).toHaveLength(1);
    expect(students[0]).toMatchObject({ name: "Rita", cardsStarted: 3, cardsTotal: cards.length });
    expect(students[0]!.predictedRecall).toBeCloseTo(expected, 6);
    // Past the due date with cards unstudied: late. An extended due date moves both.
    const after = new Date("2026-09-21T00:00:00Z");
    expect((await assignmentProgress(t.prisma, u("tom").id, a.id, after)).students[0]!.status).toBe("late");
    await setAccommodation(t.prisma, u("tom").id, a.id, student.id, { timeFactor: 1, extendedDueAt: new Date("2026-09-30T12:00:00Z") });
    const extended = (await assignmentProgress(t.prisma, u("tom").id, a.id, after)).students[0]!;
    expect(extended.status).not.toBe("late");
    expect(extended.dueAt).toBe("2026-09-30T12:00:00.000Z");
    expect(extended.predictedRecall).toBeLessThan(students[0]!.predictedRecall);
  });

  it("updates a student's row when they review and take a quiz, and exports it as CSV", async () => {
    const cls = (await listClasses(t.prisma, u("tina")))[0]!;
    const a = (await listAssignments(t.prisma, u("tina"))).find((x) => x.kind === "REVIEW" && x.class.id === cls.id)!;
    const before = (await assignmentProgress(t.prisma, u("tina").id, a.id, T0)).students.find((s) => s.name === "sam")!;
    expect(before).toMatchObject({ cardsStarted: 0, reviews: 0, predictedRecall: 0, status: "not started" });
    const card = (await t.prisma.card.findFirstOrThrow({ where: { deckId }, orderBy: { position: "asc" } })).id;
    await gradeCard(t.prisma, u("sam").id, { cardId: card, rating: 3, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 4200 }, T0);
    const after = (await assignmentProgress(t.prisma, u("tina").id, a.id, T0)).students.find((s) => s.name === "sam")!;
    expect(after).toMatchObject({ cardsStarted: 1, reviews: 1, timeSpentSec: 4 });
    expect(after.predictedRecall).toBeGreaterThan(0);

    // Cards to re-teach: studied cards first, the failed one before the one recalled, and
    // only then those nobody studied (recall 0 but nothing to re-teach), which are counted.
    const deckCards = await t.prisma.card.findMany({ where: { deckId, retiredAt: null }, orderBy: { position: "asc" } });
    const failed = deckCards[1]!.id;
    await gradeCard(t.prisma, u("sue").id, { cardId: failed, rating: 1, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 3000 }, T0);
    const reteach = await assignmentCards(t.prisma, u("tina").id, a.id, T0, 3);
    expect(reteach.cards.map((c) => c.cardId).slice(0, 2)).toEqual([failed, card]);
    expect(reteach.cards[0]).toMatchObject({ failures: 1, reviews: 1 });
    expect(reteach.cards[1]).toMatchObject({ failures: 0, reviews: 1 });
    expect(reteach.cards[1]!.recallAtDue).toBeGreaterThan(0);
    // Recall at the due date, two weeks on: the card failed a moment ago is not "100 %",
    // and is below the one recalled (both were 1/students "now").
    expect(reteach.cards[0]!.recallAtDue).toBeLessThan(reteach.cards[1]!.recallAtDue);
    expect(reteach.cards[2]).toMatchObject({ reviews: 0, recallAtDue: 0 });
    expect(reteach.unstudied).toBe(deckCards.length - 2);
    const csv = progressCsv([after, { ...after, name: 'O"Brien, =cmd', email: "o@example.com" }]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("name,email,cards_started,cards_total,reviews,time_spent_min,predicted_recall_pct,quiz_best_pct,quiz_last_pct,due_at,status");
    expect(lines[1]).toMatch(/^sam,sam@example\.com,1,\d+,1,0\.1,/);
    expect(lines[2]).toMatch(/^"O""Brien, =cmd",o@example\.com,/);
  });
});

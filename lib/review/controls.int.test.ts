// Card controls against real Postgres: suspend and bury take a card out of the queue (bury
// until the learner's next day, in their time zone), the eighth lapse makes a leech that is
// suspended by the grade itself and shown in the teacher's re-teach list, undo of that grade
// lifts it, and card info reports the recall predicted at each review.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContentDecks } from "@/lib/decks/content";
import { assignmentCards } from "@/lib/classes/progress";
import { httpStatus } from "@/lib/http/errors";
import { updateSettings } from "@/lib/learner/settings-store";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { setCardControls } from "./controls";
import { suspendedCards } from "./controls-store";
import { gradeCard } from "./grade";
import { cardHistory } from "./history";
import { loadQueue } from "./load-queue";
import { undoLastGrade } from "./undo";

let t: TestDb;
let deckId: string;
let cardIds: string[];
let teacher: string;

const newUser = async (name: string, role: "STUDENT" | "TEACHER" = "STUDENT") =>
  (await t.prisma.user.create({ data: { email: `${name}-${randomUUID()}@example.com`, name, passwordHash: "x", role } })).id;

const queueIds = async (userId: string, now: Date) => (await loadQueue(t.prisma, userId, { deckId, limit: 200 }, now)).cards.map((c) => c.cardId);
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => httpStatus(e));

/** A card in the review state, due at `now`, with `lapses` lapses so far and stability `stability` days, last reviewed `ago` days before `now`. */
async function reviewCard(userId: string, cardId: string, now: Date, o: { lapses?: number; stability?: number; ago?: number } = {}) {
  const ago = o.ago ?? 10;
  await t.prisma.cardState.create({
    data: {
      userId, cardId, due: now, stability: o.stability ?? 10, difficulty: 5, scheduledDays: ago, learningSteps: 0,
      reps: 12, lapses: o.lapses ?? 0, state: 2, lastReview: new Date(now.getTime() - ago * 86_400_000), version: 3,
    },
  });
}

beforeAll(async () => {
  t = await freshDb();
  await loadContentDecks(t.prisma);
  const deck = await t.prisma.deck.findFirstOrThrow({ where: { ownerId: null, status: "PUBLISHED" }, orderBy: { title: "asc" }, select: { id: true } });
  deckId = deck.id;
  cardIds = (await t.prisma.card.findMany({ where: { deckId, retiredAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } })).map((c) => c.id);
  teacher = await newUser("Tess", "TEACHER");
});
afterAll(async () => {
  await t?.drop();
});

describe("suspend", () => {
  it("takes a new card out of the queue until unsuspended, and its first grade still works", async () => {
    const ann = await newUser("Ann");
    const now = new Date("2026-03-02T10:00:00Z");
    const [first] = await queueIds(ann, now);
    expect(await setCardControls(t.prisma, ann, first!, { suspended: true }, now)).toEqual({ cardId: first, suspended: true, buriedUntil: null, leech: false });
    expect(await queueIds(ann, now)).not.toContain(first);
    expect((await suspendedCards(t.prisma, ann, deckId)).cards.map((c) => c.cardId)).toEqual([first]);
    expect((await suspendedCards(t.prisma, ann)).cards).toHaveLength(1);
    // The row in phase New keeps version 0, so the grade of a client that showed it is not stale.
    await gradeCard(t.prisma, ann, { cardId: first!, rating: 3, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    await setCardControls(t.prisma, ann, first!, { suspended: false }, now);
    expect(await queueIds(ann, new Date(now.getTime() + 15 * 60_000))).toContain(first);
    expect((await suspendedCards(t.prisma, ann)).cards).toEqual([]);
  });

  it("takes a due review card out of the queue, and leaves other learners' queues alone", async () => {
    const [ben, cat] = [await newUser("Ben"), await newUser("Cat")];
    const now = new Date("2026-03-02T10:00:00Z");
    const card = cardIds[3]!;
    await reviewCard(ben, card, now);
    await reviewCard(cat, card, now);
    expect(await queueIds(ben, now)).toContain(card);
    await setCardControls(t.prisma, ben, card, { suspended: true }, now);
    expect(await queueIds(ben, now)).not.toContain(card);
    expect(await queueIds(cat, now)).toContain(card);
    // Lifting a control of a card without a row writes nothing.
    expect(await setCardControls(t.prisma, cat, cardIds[9]!, { suspended: false, buried: false }, now)).toEqual({ cardId: cardIds[9], suspended: false, buriedUntil: null, leech: false });
    expect(await t.prisma.cardState.count({ where: { userId: cat, cardId: cardIds[9]! } })).toBe(0);
  });

  it("answers 404 for a card the learner cannot see and 409 for suspending or burying a retired card", async () => {
    const dan = await newUser("Dan");
    const draft = await t.prisma.deck.create({ data: { slug: `draft-${randomUUID()}`, title: "Draft", ownerId: teacher, status: "DRAFT" } });
    const hidden = await t.prisma.card.create({ data: { id: `h-${randomUUID()}`, deckId: draft.id, kind: "BASIC", subject: "s", prompt: "p", answer: "a", quote: "q", start: 0, end: 1 } });
    const retired = await t.prisma.card.create({ data: { id: `r-${randomUUID()}`, deckId, kind: "BASIC", subject: "s", prompt: "p", answer: "a", quote: "q", start: 0, end: 1, retiredAt: new Date() } });
    expect(await statusOf(setCardControls(t.prisma, dan, hidden.id, { suspended: true }))).toBe(404);
    expect(await statusOf(setCardControls(t.prisma, dan, "no-such-card", { buried: true }))).toBe(404);
    expect(await statusOf(setCardControls(t.prisma, dan, retired.id, { suspended: true }))).toBe(409);
    expect(await statusOf(setCardControls(t.prisma, dan, retired.id, { buried: true }))).toBe(409);
    expect(await statusOf(setCardControls(t.prisma, dan, retired.id, { suspended: false }))).toBe(200);
    expect(await t.prisma.cardState.count({ where: { userId: dan } })).toBe(0);
  });
});

describe("bury", () => {
  it("keeps a card out for the rest of the learner's day, in their time zone, and back when their next day starts", async () => {
    const eve = await newUser("Eve");
    await updateSettings(t.prisma, eve, { timezone: "Europe/Berlin", rolloverHour: 4 });
    // 23:30 in Berlin (UTC+1): the learner's day ends at 04:00 Berlin, 03:00 UTC.
    const now = new Date("2026-03-02T22:30:00Z");
    const card = cardIds[5]!;
    await reviewCard(eve, card, now);
    const [newCard] = (await queueIds(eve, now)).filter((id) => id !== card);
    expect(await setCardControls(t.prisma, eve, card, { buried: true }, now)).toMatchObject({ buriedUntil: "2026-03-03T03:00:00.000Z", suspended: false });
    await setCardControls(t.prisma, eve, newCard!, { buried: true }, now);
    const stillToday = await queueIds(eve, new Date("2026-03-03T02:59:00Z"));
    expect(stillToday).not.toContain(card);
    expect(stillToday).not.toContain(newCard);
    const tomorrow = await queueIds(eve, new Date("2026-03-03T03:00:00Z"));
    expect(tomorrow).toContain(card);
    expect(tomorrow).toContain(newCard);
  });

  it("is lifted by buried: false (the review screen's undo)", async () => {
    const fay = await newUser("Fay");
    const now = new Date("2026-03-02T10:00:00Z");
    const card = cardIds[6]!;
    await reviewCard(fay, card, now);
    await setCardControls(t.prisma, fay, card, { buried: true }, now);
    expect(await queueIds(fay, now)).not.toContain(card);
    expect(await setCardControls(t.prisma, fay, card, { buried: false }, now)).toMatchObject({ buriedUntil: null });
    expect(await queueIds(fay, now)).toContain(card);
  });
});

describe("leeches", () => {
  it("the eighth lapse suspends the card in the grade's own statement; the teacher's re-teach list marks it; undo lifts it", async () => {
    const gus = await newUser("Gus");
    const cls = await t.prisma.class.create({ data: { teacherId: teacher, name: "9C", joinCode: `L-${randomUUID().slice(0, 8)}` } });
    await t.prisma.enrollment.create({ data: { classId: cls.id, userId: gus } });
    const assignment = await t.prisma.assignment.create({ data: { classId: cls.id, deckId, kind: "REVIEW", dueAt: new Date("2030-01-01T00:00:00Z"), targetRecall: 0.8 } });
    const now = new Date("2026-03-02T10:00:00Z");
    const card = cardIds[7]!;
    await reviewCard(gus, card, now, { lapses: 7 });

    const res = await gradeCard(t.prisma, gus, { cardId: card, rating: 1, expectedVersion: 3, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    expect(res).toMatchObject({ leech: true, state: { lapses: 8 } });
    const row = await t.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: gus, cardId: card } } });
    expect(row.suspendedAt).toEqual(now);
    expect(row.leechAt).toEqual(now);
    expect(await queueIds(gus, new Date(now.getTime() + 3600_000))).not.toContain(card);
    expect((await suspendedCards(t.prisma, gus)).cards).toEqual([expect.objectContaining({ cardId: card, leech: true })]);
    const reteach = await assignmentCards(t.prisma, teacher, assignment.id, now);
    expect(reteach.cards.find((c) => c.cardId === card)).toMatchObject({ leeches: 1 });
    expect(reteach.cards.filter((c) => c.cardId !== card).every((c) => c.leeches === 0)).toBe(true);

    // Undo of that grade: the card is as before it, neither suspended nor a leech.
    await undoLastGrade(t.prisma, gus, card, now);
    const undone = await t.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: gus, cardId: card } } });
    expect({ lapses: undone.lapses, suspendedAt: undone.suspendedAt, leechAt: undone.leechAt }).toEqual({ lapses: 7, suspendedAt: null, leechAt: null });
    expect(await queueIds(gus, now)).toContain(card);

    // Graded Again once more: a leech again; unsuspending keeps it marked a leech (as Anki's tag).
    const again = await gradeCard(t.prisma, gus, { cardId: card, rating: 1, expectedVersion: undone.version, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    expect(again.leech).toBe(true);
    expect(await setCardControls(t.prisma, gus, card, { suspended: false }, now)).toMatchObject({ suspended: false, leech: true });
    expect((await cardHistory(t.prisma, gus, card, now)).current).toMatchObject({ suspended: false, leech: true });
  });

  it("a lapse below the threshold, or a pass, suspends nothing", async () => {
    const hal = await newUser("Hal");
    const now = new Date("2026-03-02T10:00:00Z");
    await reviewCard(hal, cardIds[8]!, now, { lapses: 6 });
    await reviewCard(hal, cardIds[10]!, now, { lapses: 7 });
    const lapse = await gradeCard(t.prisma, hal, { cardId: cardIds[8]!, rating: 1, expectedVersion: 3, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    const pass = await gradeCard(t.prisma, hal, { cardId: cardIds[10]!, rating: 3, expectedVersion: 3, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    expect([lapse.leech, pass.leech]).toEqual([undefined, undefined]);
    expect(await t.prisma.cardState.count({ where: { userId: hal, suspendedAt: { not: null } } })).toBe(0);
  });
});

describe("card info (GET /api/cards/{id}/history)", () => {
  it("reports each review's interval, memory state and the recall predicted when it happened, and the recall now", async () => {
    const ivy = await newUser("Ivy");
    const now = new Date("2026-03-02T10:00:00Z");
    const card = cardIds[11]!;
    // Stability 10 days, reviewed 10 days ago: FSRS defines stability as the interval at which
    // recall falls to 90 %, so the review happens at R = 0.9 exactly.
    await reviewCard(ivy, card, now, { stability: 10, ago: 10 });
    const graded = await gradeCard(t.prisma, ivy, { cardId: card, rating: 3, expectedVersion: 3, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    const info = await cardHistory(t.prisma, ivy, card, now);
    expect(info.card).toMatchObject({ deckId, prompt: expect.any(String) });
    expect(info.reviews).toHaveLength(1);
    const [r] = info.reviews;
    expect(r!.retrievability).toBeCloseTo(0.9, 10);
    expect(r).toMatchObject({ rating: 3, interval: graded.state.scheduledDays, stability: graded.state.stability, difficulty: graded.state.difficulty, due: graded.state.due });
    expect(r!.interval).toBeGreaterThan(10);
    // Right after the review: nothing forgotten yet. Ten days later at the new stability, 90 %.
    expect(info.current.retrievability).toBe(1);
    const later = await cardHistory(t.prisma, ivy, card, new Date(now.getTime() + Math.round(graded.state.stability) * 86_400_000));
    expect(later.current.retrievability).toBeCloseTo(0.9, 1);
    expect(later.current.state).toEqual(graded.state);
  });

  it("gives a first review no predicted recall (nothing to recall yet)", async () => {
    const jo = await newUser("Jo");
    const now = new Date("2026-03-02T10:00:00Z");
    await gradeCard(t.prisma, jo, { cardId: cardIds[12]!, rating: 3, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    const [r] = (await cardHistory(t.prisma, jo, cardIds[12]!, now)).reviews;
    expect(r).toMatchObject({ retrievability: null, interval: 0 });
  });
});

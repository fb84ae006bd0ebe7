import { randomUUID } from "node:crypto";
import seedrandom from "seedrandom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/api/errors";
import { loadContentDecks } from "@/lib/decks/content";
import { freshDb, type TestDb } from "@/lib/testing/db";
import type { Rating } from "@/lib/srs/scheduler";
import { gradeCard, GradeConflict } from "./grade";
import { cardHistory } from "./history";
import { loadQueue } from "./load-queue";
import { replayFromLog } from "./replay-log";
import { stateOfRow } from "@/lib/srs/row";
import { undoLastGrade } from "./undo";
import { getSettings, updateSettings } from "@/lib/learner/settings-store";
import { httpStatus } from "@/lib/http/errors";

let t: TestDb;
let alice: string;
let bob: string;
let cardIds: string[];
let privateCard: string;

beforeAll(async () => {
  t = await freshDb();
  await loadContentDecks(t.prisma);
  alice = (await t.prisma.user.create({ data: { email: "alice@example.com", name: "Alice", passwordHash: "x" } })).id;
  bob = (await t.prisma.user.create({ data: { email: "bob@example.com", name: "Bob", passwordHash: "x", role: "TEACHER" } })).id;
  cardIds = (await t.prisma.card.findMany({ where: { deck: { ownerId: null } }, orderBy: { id: "asc" }, select: { id: true } })).map((c) => c.id);
  // A draft deck of Bob's: Alice may not study it.
  const draft = await t.prisma.deck.create({ data: { slug: "bobs-draft", title: "Draft", ownerId: bob, status: "DRAFT" } });
  privateCard = (await t.prisma.card.create({ data: { id: "private0000000001", deckId: draft.id, kind: "BASIC", subject: "s", prompt: "p", answer: "a", quote: "q", start: 0, end: 1 } })).id;
});
afterAll(async () => {
  await t.drop();
});

const grade = (userId: string, cardId: string, rating: Rating, expectedVersion: number, key: string = randomUUID(), at?: Date) =>
  gradeCard(t.prisma, userId, { cardId, rating, expectedVersion, idempotencyKey: key, durationMs: 1500 }, at);

async function stored(userId: string, cardId: string) {
  return t.prisma.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

describe("grading", () => {
  it("applies a grade once: a retry with the same idempotency key returns the first result and writes nothing", async () => {
    const card = cardIds[0]!;
    const key = randomUUID();
    const first = await grade(alice, card, 3, 0, key);
    expect(first).toMatchObject({ cardId: card, version: 1, replayed: false });
    const again = await grade(alice, card, 3, 0, key);
    expect(again).toMatchObject({ cardId: card, reviewId: first.reviewId, version: 1, replayed: true, state: first.state });
    expect(await t.prisma.reviewLog.count({ where: { userId: alice, cardId: card } })).toBe(1);
    expect((await stored(alice, card))!.version).toBe(1);
  });

  it("answers concurrent retries of one grade with its single result", async () => {
    // Retries in flight together: all read the card before any writes; the losers find the
    // version moved under them and must answer with the winner's result, not a 409.
    for (const card of cardIds.slice(20, 26)) {
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 4 }, () => grade(alice, card, 3, 0, key)));
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(results.map((r) => r.reviewId)).size).toBe(1);
      expect(results.every((r) => r.version === 1)).toBe(true);
      expect(await t.prisma.reviewLog.count({ where: { userId: alice, cardId: card } })).toBe(1);
    }
  });

  it("applies exactly one of two concurrent grades of the same card; the other gets 409 with the current state", async () => {
    const card = cardIds[1]!;
    const results = await Promise.allSettled([grade(alice, card, 3, 0), grade(alice, card, 1, 0)]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBeInstanceOf(GradeConflict);
    expect(httpStatus(failed[0]!.reason)).toBe(409);
    expect(await t.prisma.reviewLog.count({ where: { userId: alice, cardId: card } })).toBe(1);

    // And for a card already in review: both expect version 1, one wins.
    const both = await Promise.allSettled([grade(alice, card, 4, 1), grade(alice, card, 2, 1)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.prisma.reviewLog.count({ where: { userId: alice, cardId: card } })).toBe(2);
    expect((await stored(alice, card))!.version).toBe(2);
  });

  it("refuses a stale expected version with the current state", async () => {
    const card = cardIds[2]!;
    await grade(alice, card, 3, 0);
    const err = await grade(alice, card, 3, 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GradeConflict);
    expect((err as GradeConflict).current.version).toBe(1);
    expect((err as GradeConflict).current.state?.reps).toBe(1);
  });

  it("refuses unknown cards, other users' private cards and reused keys, changing nothing", async () => {
    const before = await t.prisma.reviewLog.count();
    // One at a time: a second promise started early could reject before anything awaits it.
    for (const bad of [() => grade(alice, "no-such-card-0000", 3, 0), () => grade(alice, privateCard, 3, 0)]) {
      const err = await bad().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(httpStatus(err)).toBe(404);
    }
    const key = randomUUID();
    await grade(alice, cardIds[3]!, 3, 0, key);
    const reuse = await grade(alice, cardIds[4]!, 3, 0, key).catch((e: unknown) => e);
    expect(httpStatus(reuse)).toBe(409);
    expect(await t.prisma.reviewLog.count()).toBe(before + 1);
    expect(await stored(alice, cardIds[4]!)).toBeNull();
  });

  it("keeps idempotency keys per user: a key another learner used neither blocks nor replays this one's grade", async () => {
    const carol = (await t.prisma.user.create({ data: { email: "carol-keys@example.com", name: "Carol", passwordHash: "x" } })).id;
    const card = cardIds[30]!;
    const key = `shared-${randomUUID()}`;
    const first = await grade(alice, card, 3, 0, key);
    // Before keys were per user, this failed for ever with a 409 "graded elsewhere".
    const own = await grade(carol, card, 3, 0, key);
    expect(own).toMatchObject({ cardId: card, version: 1, replayed: false });
    expect(own.reviewId).not.toBe(first.reviewId);
    // Each retry replays its own user's result.
    await expect(grade(carol, card, 3, 0, key)).resolves.toMatchObject({ reviewId: own.reviewId, replayed: true });
    await expect(grade(alice, card, 3, 0, key)).resolves.toMatchObject({ reviewId: first.reviewId, replayed: true });

    // Two users sending the same key at the same moment both get their grade applied.
    const together = cardIds[31]!;
    const both = `together-${randomUUID()}`;
    const results = await Promise.all([grade(alice, together, 3, 0, both), grade(carol, together, 3, 0, both)]);
    expect(results.map((r) => r.replayed)).toEqual([false, false]);
    expect(await t.prisma.reviewLog.count({ where: { idempotencyKey: both } })).toBe(2);
    expect((await stored(carol, together))!.version).toBe(1);
  });

  it("lets a student grade a teacher's published deck only once it is assigned to their class (both visibility rules agree)", async () => {
    const deck = await t.prisma.deck.create({ data: { slug: "bobs-published", title: "Bob's deck", ownerId: bob, status: "PUBLISHED" } });
    const card = (await t.prisma.card.create({ data: { id: "bobcard000000001", deckId: deck.id, kind: "BASIC", subject: "s", prompt: "p", answer: "a", quote: "q", start: 0, end: 1 } })).id;
    await expect(grade(alice, card, 3, 0)).rejects.toMatchObject({ code: "not_found" });
    await expect(loadQueue(t.prisma, alice, { deckId: deck.id, limit: 5 })).rejects.toMatchObject({ code: "not_found" });
    const cls = await t.prisma.class.create({ data: { name: "C", teacherId: bob, joinCode: "VIS-TEST" } });
    await t.prisma.enrollment.create({ data: { classId: cls.id, userId: alice } });
    await t.prisma.assignment.create({ data: { classId: cls.id, deckId: deck.id, kind: "REVIEW" } });
    expect((await loadQueue(t.prisma, alice, { deckId: deck.id, limit: 5 })).cards.map((c) => c.cardId)).toEqual([card]);
    await expect(grade(alice, card, 3, 0)).resolves.toMatchObject({ version: 1 });
  });

  it("keeps learners apart: Bob's grades do not touch Alice's state, and the history shows only one's own log", async () => {
    const card = cardIds[0]!;
    await grade(bob, card, 1, 0);
    expect((await stored(alice, card))!.version).toBe(1);
    const history = await cardHistory(t.prisma, alice, card);
    expect(history.reviews).toHaveLength(1);
  });
});

describe("undo", () => {
  it("restores the exact state before the last grade and marks the log row undone", async () => {
    const card = cardIds[5]!;
    const g1 = await grade(alice, card, 3, 0);
    const afterFirst = await stored(alice, card);
    await grade(alice, card, 1, g1.version);
    const undone = await undoLastGrade(t.prisma, alice, card);
    expect(undone.state).toEqual(g1.state);
    const now = await stored(alice, card);
    expect(stateOfRow(now)).toEqual(stateOfRow(afterFirst));
    expect(now!.version).toBe(3);
    const history = await cardHistory(t.prisma, alice, card);
    expect(history.reviews.map((r) => r.undone)).toEqual([false, true]);

    // Undoing the first grade too: the card is new again (and keeps its version counting).
    const second = await undoLastGrade(t.prisma, alice, card);
    expect(second.state).toBeNull();
    expect(stateOfRow(await stored(alice, card))).toBeNull();
    const regrade = await grade(alice, card, 3, second.version);
    expect(regrade.version).toBe(second.version + 1);
  });

  it("answers 404 when there is nothing to undo", async () => {
    const carol = (await t.prisma.user.create({ data: { email: "carol@example.com", name: "Carol", passwordHash: "x" } })).id;
    await expect(undoLastGrade(t.prisma, carol)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the replay invariant", () => {
  it("holds for generated sequences of grades, undos and settings changes", async () => {
    const rng = seedrandom("replay-invariant");
    const dave = (await t.prisma.user.create({ data: { email: "dave@example.com", name: "Dave", passwordHash: "x" } })).id;
    const cards = cardIds.slice(10, 16);
    let clock = Date.parse("2026-03-01T10:00:00Z");
    const zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney"];
    for (let step = 0; step < 150; step++) {
      clock += Math.floor(rng() * 3 * 86_400_000);
      const roll = rng();
      const card = cards[Math.floor(rng() * cards.length)]!;
      if (roll < 0.1) {
        await updateSettings(t.prisma, dave, {
          desiredRetention: 0.7 + Math.round(rng() * 29) / 100,
          timezone: zones[Math.floor(rng() * zones.length)],
          rolloverHour: Math.floor(rng() * 24),
          learningSteps: rng() < 0.5 ? ["1m", "10m"] : ["5m"],
        });
      } else if (roll < 0.2) {
        await undoLastGrade(t.prisma, dave, card).catch((e: unknown) => {
          if (!(httpStatus(e) === 404)) throw e;
        });
      } else {
        const version = (await stored(dave, card))?.version ?? 0;
        const rating = (1 + Math.floor(rng() * 4)) as Rating;
        const durationMs = Math.floor(rng() * 30_000);
        await gradeCard(t.prisma, dave, { cardId: card, rating, expectedVersion: version, idempotencyKey: randomUUID(), durationMs }, new Date(clock));
      }
    }
    for (const card of cards) {
      const row = await stored(dave, card);
      expect(await replayFromLog(t.prisma, dave, card)).toEqual(stateOfRow(row));
      // The totals the progress view reads from the state agree with the live log.
      const live = await t.prisma.reviewLog.aggregate({ where: { userId: dave, cardId: card, undoneAt: null }, _count: true, _sum: { durationMs: true } });
      expect(row?.reps ?? 0).toBe(live._count);
      expect(Number(row?.reviewMs ?? 0)).toBe(live._sum.durationMs ?? 0);
    }
  });
});

describe("the queue", () => {
  it("serves new cards up to the daily limit, then nothing new once they are graded today", async () => {
    const erin = (await t.prisma.user.create({ data: { email: "erin@example.com", name: "Erin", passwordHash: "x" } })).id;
    await updateSettings(t.prisma, erin, { newPerDay: 3 });
    const now = new Date("2026-05-01T12:00:00Z");
    const q = await loadQueue(t.prisma, erin, { limit: 50 }, now);
    expect(q.counts).toEqual({ learning: 0, review: 0, new: 3 });
    expect(q.cards.map((c) => c.queue)).toEqual(["new", "new", "new"]);
    for (const c of q.cards) {
      expect(Object.keys(c.previews)).toEqual(["1", "2", "3", "4"]);
      await gradeCard(t.prisma, erin, { cardId: c.cardId, rating: 4, expectedVersion: c.version, idempotencyKey: randomUUID(), durationMs: 900 }, now);
    }
    const later = await loadQueue(t.prisma, erin, { limit: 50 }, new Date(now.getTime() + 60_000));
    expect(later.counts.new).toBe(0);
    // Easy on a new card schedules days ahead: nothing due again today, some tomorrow or later.
    expect(later.cards).toHaveLength(0);
  });

  it("puts due learning cards first and the preview matches what grading stores", async () => {
    const fay = (await t.prisma.user.create({ data: { email: "fay@example.com", name: "Fay", passwordHash: "x" } })).id;
    const now = new Date("2026-05-01T12:00:00Z");
    const first = (await loadQueue(t.prisma, fay, { limit: 5 }, now)).cards[0]!;
    const res = await gradeCard(t.prisma, fay, { cardId: first.cardId, rating: 1, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 1000 }, now);
    expect(res.state.due).toBe(first.previews[1].due);
    const q = await loadQueue(t.prisma, fay, { limit: 5 }, new Date(now.getTime() + 5 * 60_000));
    expect(q.cards[0]).toMatchObject({ cardId: first.cardId, queue: "learning", version: 1 });
  });

  it("refuses a deck the learner cannot see", async () => {
    const draft = await t.prisma.card.findUniqueOrThrow({ where: { id: privateCard } });
    await expect(loadQueue(t.prisma, alice, { deckId: draft.deckId, limit: 5 })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("settings", () => {
  it("refuses invalid values with a clear message and changes nothing", async () => {
    const before = await getSettings(t.prisma, alice);
    await expect(updateSettings(t.prisma, alice, { desiredRetention: 0.5 })).rejects.toThrow(/between 0.70 and 0.99/);
    await expect(updateSettings(t.prisma, alice, { timezone: "Mars/Olympus" })).rejects.toThrow(/Unknown time zone/);
    await expect(updateSettings(t.prisma, alice, { colour: "red" })).rejects.toThrow();
    expect(await getSettings(t.prisma, alice)).toEqual(before);
    const after = await updateSettings(t.prisma, alice, { desiredRetention: 0.85 });
    expect(after).toEqual({ ...before, desiredRetention: 0.85 });
  });
});

// The ReviewDay rollup on real Postgres: the trigger on ReviewLog counts each live review on
// the learner day it was graded in (its params' zone and rollover, the user's when absent),
// sorted young/mature and passed/failed as true retention counts them; an undo takes it back,
// a redo or a delete too; the stats read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { learnerStats } from "./store";

let t: TestDb;
let userId = "";
let deckId = "";
let k = 0;

beforeAll(async () => {
  t = await freshDb();
  userId = (await t.prisma.user.create({ data: { email: "r@example.com", name: "R", passwordHash: "x", timezone: "UTC", rolloverHour: 4 } })).id;
  deckId = (await t.prisma.deck.create({ data: { slug: "d", title: "D" } })).id;
  await t.prisma.card.create({ data: { id: "c", deckId, kind: "BASIC", subject: "c", prompt: "c", answer: "c", quote: "q", start: 0, end: 1 } });
});
afterAll(async () => {
  await t.drop();
});

const review = (at: string, rating: number, before: { state: number; scheduledDays: number } | null, params: object = {}) =>
  t.prisma.reviewLog.create({
    data: { userId, cardId: "c", rating, reviewedAt: new Date(at), durationMs: 1, stateBefore: before ?? undefined, stateAfter: {}, params, idempotencyKey: `k${k++}` },
  });
const days = async () =>
  (await t.prisma.reviewDay.findMany({ where: { userId }, orderBy: { day: "asc" } })).map(({ day, reviews, youngPassed, youngFailed, maturePassed, matureFailed }) => ({
    day: day.toISOString().slice(0, 10), reviews, youngPassed, youngFailed, maturePassed, matureFailed,
  }));

describe("the ReviewDay rollup", () => {
  it("counts each live review on its learner day, young under 21 days, mature from 21", async () => {
    await review("2026-03-01T10:00:00Z", 3, null); // a new card: counted, not in retention
    await review("2026-03-01T11:00:00Z", 3, { state: 2, scheduledDays: 20 }); // young, passed
    await review("2026-03-01T12:00:00Z", 1, { state: 2, scheduledDays: 21 }); // mature, failed
    await review("2026-03-01T13:00:00Z", 1, { state: 1, scheduledDays: 0 }); // a learning step
    await review("2026-03-02T03:59:00Z", 2, { state: 2, scheduledDays: 40 }); // before the 4 a.m. rollover: still 1 March
    // Graded in Tokyo (its params): 20:00 UTC is 05:00 there on 2 March.
    await review("2026-03-01T20:00:00Z", 4, { state: 2, scheduledDays: 3 }, { timezone: "Asia/Tokyo", rolloverHour: 4 });
    // A zone PostgreSQL does not know never fails the grade: counted in UTC.
    await review("2026-03-03T10:00:00Z", 3, null, { timezone: "Mars/Olympus_Mons", rolloverHour: 4 });
    expect(await days()).toEqual([
      { day: "2026-03-01", reviews: 5, youngPassed: 1, youngFailed: 0, maturePassed: 1, matureFailed: 1 },
      { day: "2026-03-02", reviews: 1, youngPassed: 1, youngFailed: 0, maturePassed: 0, matureFailed: 0 },
      { day: "2026-03-03", reviews: 1, youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0 },
    ]);
  });

  it("takes back an undone review, counts it again when redone, and takes back a deleted one", async () => {
    const r = await review("2026-03-04T10:00:00Z", 1, { state: 2, scheduledDays: 5 });
    await t.prisma.reviewLog.update({ where: { id: r.id }, data: { undoneAt: new Date() } });
    expect((await days()).find((d) => d.day === "2026-03-04")).toMatchObject({ reviews: 0, youngFailed: 0 });
    await t.prisma.reviewLog.update({ where: { id: r.id }, data: { undoneAt: null } });
    expect((await days()).find((d) => d.day === "2026-03-04")).toMatchObject({ reviews: 1, youngFailed: 1 });
    await t.prisma.reviewLog.update({ where: { id: r.id }, data: { durationMs: 5 } }); // not an undo: unchanged
    await t.prisma.reviewLog.delete({ where: { id: r.id } });
    expect((await days()).find((d) => d.day === "2026-03-04")).toMatchObject({ reviews: 0, youngFailed: 0 });
  });

  it("is what the stats read, per deck and in all", async () => {
    const stats = await learnerStats(t.prisma, userId, { deckId }, new Date("2026-03-05T12:00:00Z"));
    expect(stats.heatmap.days).toEqual([
      { day: "2026-03-01", reviews: 5 },
      { day: "2026-03-02", reviews: 1 },
      { day: "2026-03-03", reviews: 1 },
    ]);
    expect(stats.retention.overall.young).toEqual({ passed: 2, failed: 0, rate: 1 });
    expect(stats.retention.overall.mature).toEqual({ passed: 1, failed: 1, rate: 0.5 });
  });
});

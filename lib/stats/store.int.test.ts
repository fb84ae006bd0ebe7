// The stats store against real Postgres, on a hand-made history whose figures are worked
// out below: learner days in the learner's zone with a 4 a.m. rollover, undone reviews and
// other learners' reviews left out, retired cards ignored, the deck filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { retrievabilityFor } from "@/lib/srs/retrievability";
import type { SrsState } from "@/lib/srs/state";
import { defaultWeights } from "@/lib/srs/weights";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { retrievabilityBucket } from "./distributions";
import { learnerStats } from "./store";

let t: TestDb;
// Wednesday 4 March 2026, 10:00 in New York (EST, UTC-5).
const NOW = new Date("2026-03-04T15:00:00Z");
const ZONE = "America/New_York";
const ids: Record<string, string> = {};

type StateSpec = { state: number; stability: number; difficulty: number; lastReview: string; due: string; scheduledDays?: number };
const states: Record<string, StateSpec> = {
  a1: { state: 2, stability: 10, difficulty: 5.5, lastReview: "2026-02-23T12:00:00Z", due: "2026-03-04T20:00:00Z", scheduledDays: 10 },
  a2: { state: 2, stability: 0.5, difficulty: 1, lastReview: "2026-03-01T12:00:00Z", due: "2026-03-01T12:00:00Z", scheduledDays: 1 },
  a3: { state: 1, stability: 2, difficulty: 10, lastReview: "2026-03-04T14:00:00Z", due: "2026-03-04T14:10:00Z" },
  // Due at 01:00 local on the 7th: before the 4 a.m. rollover, so on learner day the 6th.
  a4: { state: 3, stability: 400, difficulty: 7, lastReview: "2026-03-03T12:00:00Z", due: "2026-03-07T06:00:00Z" },
  a5: { state: 0, stability: 0, difficulty: 0, lastReview: "2026-03-03T12:00:00Z", due: "2026-03-03T12:00:00Z" },
  a6: { state: 2, stability: 5, difficulty: 5, lastReview: "2026-03-03T12:00:00Z", due: "2026-03-05T12:00:00Z" }, // retired card
  b1: { state: 2, stability: 30, difficulty: 3, lastReview: "2026-02-20T12:00:00Z", due: "2026-04-10T12:00:00Z", scheduledDays: 49 },
};

const before = (state: number, scheduledDays: number) => ({ state, scheduledDays });
type ReviewSpec = { card: string; at: string; rating: number; before: { state: number; scheduledDays: number } | null; undone?: boolean; user?: string };
const reviews: ReviewSpec[] = [
  { card: "a1", at: "2026-03-04T14:00:00Z", rating: 3, before: before(2, 30) }, // day 03-04, mature pass
  { card: "a2", at: "2026-03-04T08:30:00Z", rating: 1, before: before(2, 5) }, // 03:30 local: day 03-03, young fail
  { card: "a3", at: "2026-03-03T12:00:00Z", rating: 3, before: null }, // day 03-03, a new card: no retention
  { card: "a4", at: "2026-03-02T12:00:00Z", rating: 2, before: before(2, 10) }, // day 03-02, young pass (Hard passes)
  { card: "a3", at: "2026-03-01T12:00:00Z", rating: 1, before: before(1, 0) }, // day 03-01 (week of 02-23), learning: no retention
  { card: "a1", at: "2026-03-04T13:00:00Z", rating: 1, before: before(2, 30), undone: true },
  { card: "b1", at: "2026-02-20T12:00:00Z", rating: 1, before: before(2, 25) }, // day 02-20, mature fail, deck B
  { card: "a2", at: "2025-01-28T12:00:00Z", rating: 3, before: before(2, 3) }, // over a year ago: retention only
  { card: "a1", at: "2026-03-04T14:30:00Z", rating: 1, before: before(2, 40), user: "other" },
];

beforeAll(async () => {
  t = await freshDb();
  const p = t.prisma;
  ids.me = (await p.user.create({ data: { email: "me@example.com", name: "Me", passwordHash: "x", timezone: ZONE, rolloverHour: 4 } })).id;
  ids.other = (await p.user.create({ data: { email: "other@example.com", name: "Other", passwordHash: "x" } })).id;
  const teacher = (await p.user.create({ data: { email: "t@example.com", name: "T", passwordHash: "x", role: "TEACHER" } })).id;
  const deck = async (slug: string, title: string, n: number, extra: Partial<Prisma.DeckUncheckedCreateInput> = {}) => {
    const d = await p.deck.create({ data: { slug, title, ...extra } });
    for (let i = 1; i <= n; i++) {
      await p.card.create({ data: { id: `${slug[0]}${i}`, deckId: d.id, kind: "BASIC", subject: `s${i}`, prompt: "p", answer: "a", quote: "q", start: 0, end: 1, retiredAt: slug === "a" && i === 6 ? NOW : null } });
    }
    return d.id;
  };
  ids.deckA = await deck("a", "Deck A", 8);
  ids.deckB = await deck("b", "Deck B", 2);
  ids.draft = await deck("c", "Someone's draft", 1, { ownerId: teacher, status: "DRAFT" });
  for (const [cardId, s] of Object.entries(states)) {
    await p.cardState.create({
      data: { userId: ids.me, cardId, state: s.state, stability: s.stability, difficulty: s.difficulty, scheduledDays: s.scheduledDays ?? 0, learningSteps: 0, reps: 1, lapses: 0, lastReview: new Date(s.lastReview), due: new Date(s.due) },
    });
  }
  for (const [i, r] of reviews.entries()) {
    await p.reviewLog.create({
      data: {
        userId: ids[r.user ?? "me"]!, cardId: r.card, rating: r.rating, reviewedAt: new Date(r.at), durationMs: 1000,
        stateBefore: r.before ? { ...r.before } : Prisma.DbNull, stateAfter: {}, params: {}, idempotencyKey: `k${i}`,
        undoneAt: r.undone ? NOW : null,
      },
    });
  }
});
afterAll(async () => {
  await t.drop();
});

describe("learner statistics", () => {
  it("counts reviews per learner day in the learner's zone and rollover, with the streak", async () => {
    const s = await learnerStats(t.prisma, ids.me!, {}, NOW);
    expect(s.today).toBe("2026-03-04");
    expect(s.heatmap.days).toEqual([
      { day: "2026-02-20", reviews: 1 },
      { day: "2026-03-01", reviews: 1 },
      { day: "2026-03-02", reviews: 1 },
      { day: "2026-03-03", reviews: 2 },
      { day: "2026-03-04", reviews: 1 },
    ]);
    expect(s.heatmap).toMatchObject({ totalReviews: 6, daysStudied: 5, streak: { current: 4, longest: 4 } });
  });

  it("computes true retention per week and overall, young and mature", async () => {
    const { retention } = await learnerStats(t.prisma, ids.me!, {}, NOW);
    const week = (w: string) => retention.weeks.find((x) => x.week === w)!;
    expect(retention.weeks).toHaveLength(26);
    expect(retention.weeks.at(-1)!.week).toBe("2026-03-02");
    expect(week("2026-03-02")).toMatchObject({ reviews: 4, young: { passed: 1, failed: 1 }, mature: { passed: 1, failed: 0 } });
    expect(week("2026-02-23")).toMatchObject({ reviews: 1, all: { passed: 0, failed: 0, rate: null } });
    expect(week("2026-02-16")).toMatchObject({ reviews: 1, mature: { passed: 0, failed: 1, rate: 0 } });
    expect(retention.overall).toEqual({
      young: { passed: 2, failed: 1, rate: 2 / 3 },
      mature: { passed: 1, failed: 1, rate: 0.5 },
      all: { passed: 3, failed: 2, rate: 0.6 },
    });
  });

  it("counts states, forecasts due cards and buckets the memory states (retired cards left out)", async () => {
    const s = await learnerStats(t.prisma, ids.me!, {}, NOW);
    // New: deck A's 7 live cards less a1–a4, deck B's 2 less b1; the draft deck is not visible.
    expect(s.counts).toEqual({ new: 4, learning: 1, review: 3, relearning: 1 });
    expect(s.forecast).toHaveLength(30);
    expect(s.forecast.slice(0, 4)).toEqual([
      { day: "2026-03-04", due: 3 }, // a1, a3 and overdue a2
      { day: "2026-03-05", due: 0 },
      { day: "2026-03-06", due: 1 }, // a4
      { day: "2026-03-07", due: 0 },
    ]);
    expect(s.forecast.reduce((n, d) => n + d.due, 0)).toBe(4); // b1 is due after the horizon
    const counts = (b: { count: number }[]) => b.map((x) => x.count);
    expect(counts(s.distributions.stability)).toEqual([1, 1, 0, 1, 0, 1, 0, 0, 1]); // 0.5, 2, 10, 30, 400
    expect(counts(s.distributions.difficulty)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1]); // 1, 3, 5.5, 7, 10
    // R by hand: a2 (S 0.5, 3 days) 0.743; a1 (S 10, 9 days) 0.910; a3 0 days 1; a4 1 day ≈1; b1 (S 30, 12 days) 0.950.
    expect(counts(s.distributions.retrievability)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 4]);
  });

  it("buckets retrievability as lib/srs computes it", async () => {
    const s = await learnerStats(t.prisma, ids.me!, {}, NOW);
    const r = retrievabilityFor({ ...toSrsParams(defaultReviewSettings), timezone: ZONE, rolloverHour: 4 });
    const expected = new Array<number>(10).fill(0);
    for (const [card, st] of Object.entries(states)) {
      if (st.state === 0 || card === "a6") continue;
      // retrievability reads only the phase, the stability and the last review.
      const state = { state: st.state, stability: st.stability, lastReview: new Date(st.lastReview) } as unknown as SrsState;
      expected[retrievabilityBucket(r(state, NOW))]!++;
    }
    expect(s.distributions.retrievability.map((b) => b.count)).toEqual(expected);
  });

  it("evaluates retrievability with the learner's fitted weights when a set is in use", async () => {
    const weights = defaultWeights().map((w, i) => (i === 20 ? 0.8 : w)); // a much steeper decay
    const set = await t.prisma.fsrsParameters.create({ data: { userId: ids.me!, weights, reviews: 1, logLoss: 0, rmseBins: 0, previousLogLoss: 0, previousRmseBins: 0 } });
    await t.prisma.user.update({ where: { id: ids.me! }, data: { fsrsParametersId: set.id } });
    try {
      const s = await learnerStats(t.prisma, ids.me!, {}, NOW);
      const r = retrievabilityFor({ ...toSrsParams(defaultReviewSettings, weights), timezone: ZONE, rolloverHour: 4 });
      const expected = new Array<number>(10).fill(0);
      for (const [card, st] of Object.entries(states)) {
        if (st.state === 0 || card === "a6") continue;
        const state = { state: st.state, stability: st.stability, lastReview: new Date(st.lastReview) } as unknown as SrsState;
        expected[retrievabilityBucket(r(state, NOW))]!++;
      }
      expect(s.distributions.retrievability.map((b) => b.count)).toEqual(expected);
      // a2 (S 0.5, 3 days) falls from 74 % to below 70 % with the steeper curve.
      expect(expected[7]).toBe(0);
    } finally {
      await t.prisma.user.update({ where: { id: ids.me! }, data: { fsrsParametersId: null } });
    }
  });

  it("filters by deck", async () => {
    const a = await learnerStats(t.prisma, ids.me!, { deckId: ids.deckA }, NOW);
    expect(a.deck).toEqual({ id: ids.deckA, title: "Deck A" });
    expect(a.heatmap.days.map((d) => d.day)).not.toContain("2026-02-20");
    expect(a.heatmap.totalReviews).toBe(5);
    expect(a.retention.overall.mature).toEqual({ passed: 1, failed: 0, rate: 1 });
    expect(a.counts).toEqual({ new: 3, learning: 1, review: 2, relearning: 1 });
    const b = await learnerStats(t.prisma, ids.me!, { deckId: ids.deckB }, NOW);
    expect(b.counts).toEqual({ new: 1, learning: 0, review: 1, relearning: 0 });
    expect(b.heatmap.days).toEqual([{ day: "2026-02-20", reviews: 1 }]);
    expect(b.decks.map((d) => d.title)).toEqual(["Deck A", "Deck B"]);
  });

  it("answers 404 for a deck the learner cannot see, and shows another learner nothing of this one's", async () => {
    await expect(learnerStats(t.prisma, ids.me!, { deckId: ids.draft }, NOW)).rejects.toMatchObject({ code: "not_found" });
    const other = await learnerStats(t.prisma, ids.other!, {}, NOW);
    expect(other.heatmap.days).toEqual([{ day: "2026-03-04", reviews: 1 }]);
    expect(other.counts).toEqual({ new: 9, learning: 0, review: 0, relearning: 0 });
  });
});

// The optimizer job on real Postgres with a simulated learner's history: one run per
// learner at a time, the fitted set applied only when it beats the set in use, the old set
// kept to switch back to, and a learner with too few reviews left on the defaults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulateLearner } from "@/lib/srs/simulate";
import { defaultWeights } from "@/lib/srs/weights";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { startOptimization } from "./jobs";
import { optimizerStatus, setActive } from "./store";

let t: TestDb;
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1, 12);

async function learner(email: string, reviews: number): Promise<string> {
  const p = t.prisma;
  const user = await p.user.create({ data: { email, name: email, passwordHash: "x", timezone: "UTC", rolloverHour: 4 } });
  const deck = await p.deck.findFirst({ where: { slug: "sim" } }) ?? (await p.deck.create({ data: { slug: "sim", title: "Sim" } }));
  const trueWeights = defaultWeights();
  for (let i = 0; i < 4; i++) trueWeights[i]! *= 4;
  const log = simulateLearner({ trueWeights, cards: 1500, reviews, seed: email });
  const cards = [...new Set(log.map((r) => r.cardId))];
  await p.card.createMany({ data: cards.map((id) => ({ id, deckId: deck.id, kind: "BASIC" as const, subject: id, prompt: id, answer: id, quote: "q", start: 0, end: 1 })), skipDuplicates: true });
  await p.reviewLog.createMany({
    data: log.map((r, i) => ({ userId: user.id, cardId: r.cardId, rating: r.rating, reviewedAt: new Date(START + r.day * DAY + i), durationMs: 1000, stateAfter: {}, params: {}, idempotencyKey: `k${i}` })),
  });
  return user.id;
}

beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.drop();
});

describe("optimizer job", () => {
  it("fits, compares on held-out reviews, applies the better set and keeps the old one to switch back to", async () => {
    const id = await learner("fit@example.com", 3000);
    const { done } = await startOptimization(t.prisma, id);
    // One run per learner at a time.
    await expect(startOptimization(t.prisma, id)).rejects.toMatchObject({ code: "conflict" });
    expect((await optimizerStatus(t.prisma, id)).run?.status).toBe("running");
    await done;

    const s = await optimizerStatus(t.prisma, id);
    expect(s.run).toMatchObject({ status: "done", progress: 1, result: { stage: "full", better: true, applied: true, reviews: 3000 } });
    expect(s.run!.result!.fitted!.logLoss).toBeLessThan(s.run!.result!.current!.logLoss);
    expect(s.sets).toHaveLength(1);
    expect(s.activeId).toBe(s.sets[0]!.id);
    expect(s.sets[0]!.weights).toEqual(s.run!.result!.weights.map((w) => expect.closeTo(w, 9)));

    // Switch back to the defaults, then to the fitted set again; another learner's set is refused.
    await setActive(t.prisma, id, null);
    expect((await optimizerStatus(t.prisma, id)).activeId).toBeNull();
    await setActive(t.prisma, id, s.sets[0]!.id);
    expect((await optimizerStatus(t.prisma, id)).activeId).toBe(s.sets[0]!.id);
    const other = await learner("other@example.com", 10);
    await expect(setActive(t.prisma, other, s.sets[0]!.id)).rejects.toMatchObject({ code: "not_found" });
  }, 120_000);

  it("keeps the defaults for a learner with too few reviews", async () => {
    const id = await learner("few@example.com", 25);
    await (await startOptimization(t.prisma, id)).done;
    const s = await optimizerStatus(t.prisma, id);
    expect(s.run).toMatchObject({ status: "done", result: { stage: "too-few", better: false, applied: false } });
    expect(s.activeId).toBeNull();
    expect(s.sets).toEqual([]);
  });
});

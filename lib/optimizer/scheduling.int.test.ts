// A fitted set in use schedules the learner's grades and previews, and each review records
// which set produced it (ReviewLog.fsrsParametersId, and the weights in its params for replay).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCard } from "@/lib/review/grade";
import { loadQueue } from "@/lib/review/load-queue";
import { defaultWeights } from "@/lib/srs/weights";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { setActive } from "./store";

let t: TestDb;
let userId: string;
let setId: string;
const NOW = new Date("2026-04-01T10:00:00Z");
const fitted = defaultWeights().map((w, i) => (i === 3 ? w * 4 : w)); // Easy remembered four times as long

beforeAll(async () => {
  t = await freshDb();
  const p = t.prisma;
  userId = (await p.user.create({ data: { email: "f@example.com", name: "F", passwordHash: "x", timezone: "UTC", rolloverHour: 0 } })).id;
  const deck = await p.deck.create({ data: { slug: "d", title: "D" } });
  for (const id of ["c1", "c2", "c3"]) await p.card.create({ data: { id, deckId: deck.id, kind: "BASIC", subject: id, prompt: id, answer: id, quote: "q", start: 0, end: 1 } });
  setId = (await p.fsrsParameters.create({ data: { userId, weights: fitted, reviews: 1000, logLoss: 0.3, rmseBins: 0.05, previousLogLoss: 0.35, previousRmseBins: 0.07 } })).id;
});
afterAll(async () => {
  await t.drop();
});

const easy = (cardId: string) => gradeCard(t.prisma, userId, { cardId, rating: 4, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 1000 }, NOW);
const logOf = (cardId: string) => t.prisma.reviewLog.findFirstOrThrow({ where: { userId, cardId } });

describe("scheduling with fitted weights", () => {
  it("grades with the set in use, previews agree, and the review records the set", async () => {
    const byDefault = await easy("c1");
    expect((await logOf("c1")).fsrsParametersId).toBeNull();

    await setActive(t.prisma, userId, setId);
    const queue = await loadQueue(t.prisma, userId, { limit: 10 }, NOW);
    const preview = queue.cards.find((c) => c.cardId === "c2")!.previews["4"];
    const byFitted = await easy("c2");
    expect(byFitted.state.stability).toBeCloseTo(4 * byDefault.state.stability, 6);
    expect(byFitted.state.due).toBe(preview.due);
    const log = await logOf("c2");
    expect(log.fsrsParametersId).toBe(setId);
    expect((log.params as { weights?: number[] }).weights).toEqual(fitted);

    // Back to the defaults: the next review says so.
    await setActive(t.prisma, userId, null);
    const again = await easy("c3");
    expect(again.state.stability).toBeCloseTo(byDefault.state.stability, 6);
    expect((await logOf("c3")).fsrsParametersId).toBeNull();
  });
});

// A class's calibration on real Postgres: reviews of the assignment's deck by students now
// in the class, review-state cards only, the prediction in each student's own learner days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { forgettingCurveConstants } from "@/lib/srs/retrievability";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { assignmentCalibration } from "./class-calibration";
import { recallAfter } from "./recall";

let t: TestDb;
const ids: Record<string, string> = {};
const curve = forgettingCurveConstants(toSrsParams(defaultReviewSettings));

beforeAll(async () => {
  t = await freshDb();
  const p = t.prisma;
  const user = async (name: string, timezone = "UTC", role: "STUDENT" | "TEACHER" = "STUDENT") =>
    (ids[name] = (await p.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role, timezone, rolloverHour: 4 } })).id);
  await user("tess", "UTC", "TEACHER");
  await user("s1", "Europe/Berlin");
  await user("s2", "Asia/Tokyo");
  await user("outsider");
  const deck = await p.deck.create({ data: { slug: "d", title: "D" } });
  const other = await p.deck.create({ data: { slug: "o", title: "O" } });
  await p.card.create({ data: { id: "c", deckId: deck.id, kind: "BASIC", subject: "c", prompt: "c", answer: "c", quote: "q", start: 0, end: 1 } });
  await p.card.create({ data: { id: "x", deckId: other.id, kind: "BASIC", subject: "x", prompt: "x", answer: "x", quote: "q", start: 0, end: 1 } });
  const cls = await p.class.create({ data: { teacherId: ids.tess!, name: "C", joinCode: "C-1" } });
  for (const s of ["s1", "s2"]) await p.enrollment.create({ data: { classId: cls.id, userId: ids[s]! } });
  ids.a = (await p.assignment.create({ data: { classId: cls.id, deckId: deck.id, kind: "REVIEW", targetRecall: 0.8 } })).id;
  let k = 0;
  const review = (who: string, card: string, rating: number, stability: number, lastReview: string, at: string, extra: { state?: number; undone?: boolean } = {}) =>
    p.reviewLog.create({
      data: {
        userId: ids[who]!, cardId: card, rating, reviewedAt: new Date(at), durationMs: 1000, stateAfter: {}, params: {}, idempotencyKey: `k${k++}`,
        stateBefore: { state: extra.state ?? 2, stability, lastReview, scheduledDays: 5 }, undoneAt: extra.undone ? new Date(at) : null,
      },
    });
  // s1 (Berlin): 9 learner days after the last review, S = 10: predicted 0.907 (bin 9). Two of three recalled.
  for (const rating of [3, 3, 1]) await review("s1", "c", rating, 10, "2026-03-01T10:00:00Z", "2026-03-10T10:00:00Z");
  // s2 (Tokyo): 03:00 UTC is noon there: 10 learner days, S = 2: predicted 0.760 (bin 7). One of two recalled.
  await review("s2", "c", 1, 2, "2026-03-01T03:00:00Z", "2026-03-11T03:00:00Z");
  await review("s2", "c", 3, 2, "2026-03-01T03:00:00Z", "2026-03-11T03:00:00Z");
  // Not counted: a learning step, an undone review, another deck, someone outside the class.
  await review("s1", "c", 1, 10, "2026-03-01T10:00:00Z", "2026-03-10T10:00:00Z", { state: 1 });
  await review("s1", "c", 1, 10, "2026-03-01T10:00:00Z", "2026-03-10T10:00:00Z", { undone: true });
  await review("s1", "x", 1, 10, "2026-03-01T10:00:00Z", "2026-03-10T10:00:00Z");
  await review("outsider", "c", 1, 10, "2026-03-01T10:00:00Z", "2026-03-10T10:00:00Z");
});
afterAll(async () => {
  await t.drop();
});

describe("class calibration", () => {
  it("sets predicted against observed recall per bin, with the errors", async () => {
    const c = await assignmentCalibration(t.prisma, ids.tess!, ids.a!);
    const high = recallAfter(9, 10, curve);
    const mid = recallAfter(10, 2, curve);
    expect(high).toBeCloseTo(0.9071, 3); // (1 + 0.98035 · 0.9)^-0.1542
    expect(mid).toBeCloseTo(0.7605, 3);
    expect(c.reviews).toBe(5);
    expect(c.bins[9]).toMatchObject({ count: 3, observed: 2 / 3 });
    expect(c.bins[9]!.predicted).toBeCloseTo(high, 9);
    expect(c.bins[7]).toMatchObject({ count: 2, observed: 0.5 });
    expect(c.bins[7]!.predicted).toBeCloseTo(mid, 9);
    expect(c.rmseBins).toBeCloseTo(Math.sqrt((3 * (high - 2 / 3) ** 2 + 2 * (mid - 0.5) ** 2) / 5), 9);
  });

  it("is the assignment's teacher's only", async () => {
    await expect(assignmentCalibration(t.prisma, ids.s1!, ids.a!)).rejects.toMatchObject({ code: "not_found" });
  });
});

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

  // Quiz answers. s1 learns card q (a learning step: not a review-state review) and leaves it in
  // review with S = 5 on 2026-01-01 (Berlin); 100 learner days later, on 2026-04-11, answers two
  // questions on it: predicted R(100, 5) = 0.627 (bin 6), one right. Not counted: an unanswered
  // question, a chronology item (no card), an answer before any review of its card (x2), and
  // the answer of someone outside the class.
  await p.card.create({ data: { id: "q", deckId: deck.id, kind: "BASIC", subject: "q", prompt: "q", answer: "q", quote: "q", start: 0, end: 1 } });
  await p.card.create({ data: { id: "x2", deckId: deck.id, kind: "BASIC", subject: "x2", prompt: "x2", answer: "x2", quote: "q", start: 0, end: 1 } });
  for (const who of ["s1", "outsider"]) {
    await p.reviewLog.create({
      data: {
        userId: ids[who]!, cardId: "q", rating: 3, reviewedAt: new Date("2026-01-01T10:00:00Z"), durationMs: 1000, params: {}, idempotencyKey: `k${k++}`,
        stateBefore: { state: 1, stability: 1, lastReview: "2025-12-31T10:00:00Z", scheduledDays: 0 }, stateAfter: { state: 2, stability: 5, lastReview: "2026-01-01T10:00:00Z" },
      },
    });
  }
  let position = 0;
  const answered = new Date("2026-04-11T10:00:00Z");
  const question = (attemptId: string, who: string, cardId: string | null, correct: boolean | null, type = "mcq") =>
    p.quizQuestion.create({
      data: { attemptId, userId: ids[who]!, position: position++, cardId, type, prompt: "?", payload: {}, key: {}, answer: correct === null ? undefined : { choice: 0 }, correct, answeredAt: correct === null ? null : answered },
    });
  for (const who of ["s1", "outsider"]) {
    const attempt = await p.quizAttempt.create({ data: { userId: ids[who]!, deckId: deck.id, seed: "s", startedAt: answered, deadline: answered, submittedAt: answered } });
    await question(attempt.id, who, "q", true);
    if (who === "outsider") continue;
    await question(attempt.id, who, "q", false, "typed-year");
    await question(attempt.id, who, "q", null);
    await question(attempt.id, who, null, true, "chronology");
    await question(attempt.id, who, "x2", true);
  }
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
    expect(c.quizAnswers).toBe(2);
    const quiz = recallAfter(100, 5, curve);
    expect(quiz).toBeCloseTo(0.6272, 3); // (1 + 0.98035 · 20)^-0.1542
    expect(c.bins[6]).toMatchObject({ count: 2, observed: 0.5 });
    expect(c.bins[6]!.predicted).toBeCloseTo(quiz, 9);
    expect(c.bins[9]).toMatchObject({ count: 3, observed: 2 / 3 });
    expect(c.bins[9]!.predicted).toBeCloseTo(high, 9);
    expect(c.bins[7]).toMatchObject({ count: 2, observed: 0.5 });
    expect(c.bins[7]!.predicted).toBeCloseTo(mid, 9);
    expect(c.rmseBins).toBeCloseTo(Math.sqrt((3 * (high - 2 / 3) ** 2 + 2 * (mid - 0.5) ** 2 + 2 * (quiz - 0.5) ** 2) / 7), 9);
  });

  it("is the assignment's teacher's only", async () => {
    await expect(assignmentCalibration(t.prisma, ids.s1!, ids.a!)).rejects.toMatchObject({ code: "not_found" });
  });
});

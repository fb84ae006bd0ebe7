import { describe, expect, it } from "vitest";
import { defaultWeights } from "@/lib/srs/weights";
import type { GradeRequest } from "@/lib/api/review";
import { DomainError } from "@/lib/api/errors";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { fuzzSeedFor, next } from "@/lib/srs/scheduler";
import { CardPhase, srsStateToJson, type SrsState } from "@/lib/srs/state";
import { decideGrade, GradeConflict } from "./grade";
import type { GradeContext } from "./store";

const NOW = new Date("2026-03-02T10:00:00Z");
const USER = "00000000-0000-4000-8000-000000000001";
const req: GradeRequest = { cardId: "card-1", rating: 3, idempotencyKey: "key-0001", durationMs: 4000, expectedVersion: 0 };
const review: SrsState = {
  due: new Date("2026-03-01T10:00:00Z"), stability: 4, difficulty: 5, scheduledDays: 4, stepIndex: 0,
  reps: 3, lapses: 0, state: CardPhase.Review, lastReview: new Date("2026-02-25T10:00:00Z"),
};
const ctx = (over: Partial<GradeContext> = {}): GradeContext => ({
  userId: USER, settings: {}, timezone: "UTC", rolloverHour: 4, sessionVersion: 2,
  card: { visible: true, retired: false }, stored: null, prior: null, ...over,
});

const refusal = (d: ReturnType<typeof decideGrade>) => {
  if (d.kind !== "refuse") throw new Error(`expected a refusal, got ${d.kind}`);
  return { reason: d.reason, code: d.error.code, message: d.error.message };
};

describe("decideGrade", () => {
  it("refuses a user who no longer exists, and a session that has ended", () => {
    expect(refusal(decideGrade(null, req, NOW))).toMatchObject({ reason: "account_gone", code: "unauthenticated" });
    expect(refusal(decideGrade(ctx(), req, NOW, { sessionVersion: 1 }))).toMatchObject({ reason: "session_ended", code: "unauthenticated" });
    expect(decideGrade(ctx(), req, NOW, { sessionVersion: 2 }).kind).toBe("write");
  });

  it("answers a retry of an applied grade with its stored result and the card's version now", () => {
    const after = srsStateToJson(review);
    const d = decideGrade(ctx({ prior: { id: "41", cardId: "card-1", after }, stored: { version: 5, state: review } }), req, NOW);
    expect(d).toEqual({ kind: "replay", response: { cardId: "card-1", reviewId: "41", version: 5, state: after, replayed: true } });
  });

  it("refuses a key used for another card, before looking at the card", () => {
    const d = decideGrade(ctx({ prior: { id: "41", cardId: "card-2", after: srsStateToJson(review) }, card: null }), req, NOW);
    expect(refusal(d)).toMatchObject({ reason: "key_reused", code: "conflict" });
  });

  it("404s a card that does not exist or is in a deck the learner may not see; 409s a retired one", () => {
    expect(refusal(decideGrade(ctx({ card: null }), req, NOW))).toMatchObject({ reason: "no_such_card", code: "not_found" });
    expect(refusal(decideGrade(ctx({ card: { visible: false, retired: false } }), req, NOW))).toMatchObject({ reason: "no_such_card" });
    expect(refusal(decideGrade(ctx({ card: { visible: true, retired: true } }), req, NOW))).toMatchObject({ reason: "retired", code: "conflict" });
  });

  it("409s a stale expectedVersion with the current state in the error", () => {
    const d = decideGrade(ctx({ stored: { version: 3, state: review } }), { ...req, expectedVersion: 2 }, NOW);
    expect(d.kind).toBe("refuse");
    const error = (d as { error: DomainError }).error;
    expect(error).toBeInstanceOf(GradeConflict);
    expect((error as GradeConflict).current).toEqual({ version: 3, state: srsStateToJson(review) });
    // A card never graded is at version 0.
    expect(refusal(decideGrade(ctx(), { ...req, expectedVersion: 1 }, NOW)).reason).toBe("stale_version");
  });

  it("writes the first grade as an insert, from no state", () => {
    const d = decideGrade(ctx(), req, NOW);
    if (d.kind !== "write") throw new Error(d.kind);
    const params = toSrsParams(defaultReviewSettings);
    expect(d.write).toEqual({
      userId: USER, req, now: NOW, expectedRowVersion: null, before: null, params, fsrsParametersId: null, leech: false,
      after: next(null, 3, NOW, params, fuzzSeedFor(USER, "card-1")),
    });
  });

  it("schedules with the learner's fitted weights and records their set (issue 14)", () => {
    const weights = defaultWeights().map((w, i) => (i === 3 ? w * 4 : w));
    const d = decideGrade(ctx({ fitted: { id: "set-1", weights } }), req, NOW);
    if (d.kind !== "write") throw new Error(d.kind);
    const params = toSrsParams(defaultReviewSettings, weights);
    expect(d.write.params.weights).toEqual(weights);
    expect(d.write.fsrsParametersId).toBe("set-1");
    expect(d.write.after).toEqual(next(null, 3, NOW, params, fuzzSeedFor(USER, "card-1")));
  });

  it("schedules a card of a deck in exam mode with the raised retention, and stores it with the review (issue 14)", () => {
    const d = decideGrade(ctx({ stored: { version: 7, state: review }, examRetention: 0.97 }), { ...req, expectedVersion: 7 }, NOW);
    if (d.kind !== "write") throw new Error(d.kind);
    const raised = toSrsParams({ ...defaultReviewSettings, desiredRetention: 0.97 });
    expect(d.write.params.desiredRetention).toBe(0.97);
    expect(d.write.after).toEqual(next(review, 3, NOW, raised, fuzzSeedFor(USER, "card-1")));
    const plain = next(review, 3, NOW, toSrsParams(defaultReviewSettings), fuzzSeedFor(USER, "card-1"));
    expect(d.write.after.scheduledDays).toBeLessThan(plain.scheduledDays);
    // A learner whose own retention is higher keeps it.
    const own = decideGrade(ctx({ settings: { desiredRetention: 0.98 }, examRetention: 0.95 }), req, NOW);
    if (own.kind !== "write") throw new Error(own.kind);
    expect(own.write.params.desiredRetention).toBe(0.98);
  });

  it("updates a row left in phase New by an undo at its version, as a first grade", () => {
    const d = decideGrade(ctx({ stored: { version: 2, state: null } }), { ...req, expectedVersion: 2 }, NOW);
    if (d.kind !== "write") throw new Error(d.kind);
    expect(d.write).toMatchObject({ expectedRowVersion: 2, before: null });
  });

  it("schedules from the stored state with the learner's own settings", () => {
    const settings = { desiredRetention: 0.8, maximumIntervalDays: 30 };
    const d = decideGrade(ctx({ stored: { version: 7, state: review }, settings, timezone: "Europe/Berlin" }), { ...req, expectedVersion: 7, rating: 4 }, NOW);
    if (d.kind !== "write") throw new Error(d.kind);
    const params = toSrsParams({ ...defaultReviewSettings, ...settings, timezone: "Europe/Berlin" });
    expect(d.write.params).toEqual(params);
    expect(d.write).toMatchObject({ expectedRowVersion: 7, before: review });
    expect(d.write.after).toEqual(next(review, 4, NOW, params, fuzzSeedFor(USER, "card-1")));
    expect(d.write.after.reps).toBe(review.reps + 1);
  });
});

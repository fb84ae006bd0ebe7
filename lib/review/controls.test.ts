import { describe, expect, it } from "vitest";
import { cardControlsRequestSchema, flagRequestSchema } from "@/lib/api/cards";
import type { GradeRequest } from "@/lib/api/review";
import { CardPhase, type SrsState } from "@/lib/srs/state";
import { buriedUntil, decideControls, isLeechLapse, LEECH_THRESHOLD } from "./controls";
import { decideGrade } from "./grade";
import type { GradeContext } from "./store";

const NOW = new Date("2026-03-02T10:00:00Z");
const review = (lapses: number): SrsState => ({
  due: new Date("2026-03-01T10:00:00Z"), stability: 4, difficulty: 5, scheduledDays: 4, stepIndex: 0,
  reps: 20, lapses, state: CardPhase.Review, lastReview: new Date("2026-02-25T10:00:00Z"),
});
const relearning = (lapses: number): SrsState => ({ ...review(lapses), state: CardPhase.Relearning, scheduledDays: 0 });

describe("isLeechLapse (Anki's rule: the threshold, then every half threshold)", () => {
  it("is true for the lapse that reaches 8, then 12, 16, …", () => {
    expect(LEECH_THRESHOLD).toBe(8);
    expect(isLeechLapse(review(7), relearning(8))).toBe(true);
    expect(isLeechLapse(review(11), relearning(12))).toBe(true);
    expect(isLeechLapse(review(15), relearning(16))).toBe(true);
  });
  it("is false below the threshold, between the marks, and for grades that add no lapse", () => {
    expect(isLeechLapse(review(6), relearning(7))).toBe(false);
    expect(isLeechLapse(review(8), relearning(9))).toBe(false);
    expect(isLeechLapse(review(10), relearning(11))).toBe(false);
    // A relearning step graded at 8 lapses (no new lapse) is not a second leech.
    expect(isLeechLapse(relearning(8), relearning(8))).toBe(false);
    expect(isLeechLapse(null, relearning(0))).toBe(false);
  });
  it("follows a different threshold", () => {
    expect(isLeechLapse(review(3), relearning(4), 4)).toBe(true);
    expect(isLeechLapse(review(5), relearning(6), 4)).toBe(true);
    expect(isLeechLapse(review(4), relearning(5), 4)).toBe(false);
  });
});

describe("decideGrade decides leeches", () => {
  const req: GradeRequest = { cardId: "card-1", rating: 1, idempotencyKey: "key-0001", durationMs: 4000, expectedVersion: 5 };
  const ctx = (state: SrsState): GradeContext => ({
    userId: "00000000-0000-4000-8000-000000000001", settings: {}, timezone: "UTC", rolloverHour: 4, sessionVersion: 0,
    card: { visible: true, retired: false }, stored: { version: 5, state }, prior: null,
  });
  const write = (d: ReturnType<typeof decideGrade>) => {
    if (d.kind !== "write") throw new Error(d.kind);
    return d.write;
  };
  it("marks Again on a review card with 7 lapses as a leech, and nothing else", () => {
    expect(write(decideGrade(ctx(review(7)), req, NOW))).toMatchObject({ leech: true, after: { lapses: 8 } });
    expect(write(decideGrade(ctx(review(6)), req, NOW)).leech).toBe(false);
    expect(write(decideGrade(ctx(review(7)), { ...req, rating: 3 }, NOW)).leech).toBe(false);
    expect(write(decideGrade(ctx(relearning(8)), req, NOW)).leech).toBe(false);
  });
});

describe("buriedUntil: the start of the learner's next day", () => {
  it("uses the learner's time zone and rollover hour", () => {
    expect(buriedUntil(NOW, { timezone: "UTC", rolloverHour: 4 }).toISOString()).toBe("2026-03-03T04:00:00.000Z");
    // 02:00 UTC is still the previous learner day (rollover at 4): it ends at 04:00 today.
    expect(buriedUntil(new Date("2026-03-02T02:00:00Z"), { timezone: "UTC", rolloverHour: 4 }).toISOString()).toBe("2026-03-02T04:00:00.000Z");
    // Berlin is UTC+1 in March (before the DST change): 04:00 Berlin is 03:00 UTC.
    expect(buriedUntil(new Date("2026-03-02T22:30:00Z"), { timezone: "Europe/Berlin", rolloverHour: 4 }).toISOString()).toBe("2026-03-03T03:00:00.000Z");
    expect(buriedUntil(new Date("2026-03-02T10:00:00Z"), { timezone: "Asia/Kolkata", rolloverHour: 0 }).toISOString()).toBe("2026-03-02T18:30:00.000Z");
  });
});

describe("decideControls", () => {
  const clock = { timezone: "UTC", rolloverHour: 4 };
  it("writes only what was sent", () => {
    expect(decideControls({ card: { visible: true, retired: false }, clock }, { suspended: true }, NOW)).toEqual({ suspendedAt: NOW });
    expect(decideControls({ card: { visible: true, retired: false }, clock }, { buried: true, suspended: false }, NOW)).toEqual({
      suspendedAt: null, buriedUntil: new Date("2026-03-03T04:00:00Z"),
    });
  });
  it("refuses unknown and invisible cards alike (404), and suspending or burying a retired one (409)", () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return "ok";
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code(() => decideControls({ card: null, clock }, { suspended: true }, NOW))).toBe("not_found");
    expect(code(() => decideControls({ card: { visible: false, retired: false }, clock }, { suspended: true }, NOW))).toBe("not_found");
    expect(code(() => decideControls({ card: { visible: true, retired: true }, clock }, { buried: true }, NOW))).toBe("conflict");
    expect(code(() => decideControls({ card: { visible: true, retired: true }, clock }, { suspended: false }, NOW))).toBe("ok");
  });
});

describe("request schemas", () => {
  it("controls: at least one of suspended, buried; booleans only; no other fields", () => {
    expect(cardControlsRequestSchema.safeParse({}).success).toBe(false);
    expect(cardControlsRequestSchema.safeParse({ suspended: "yes" }).success).toBe(false);
    expect(cardControlsRequestSchema.safeParse({ suspended: true, until: 3 }).success).toBe(false);
    expect(cardControlsRequestSchema.parse({ buried: false })).toEqual({ buried: false });
  });
  it("flag: a known reason; 'other' needs a note; the note is trimmed and at most 500 characters", () => {
    expect(flagRequestSchema.parse({ reason: "wrong-fact" })).toEqual({ reason: "wrong-fact", note: "" });
    expect(flagRequestSchema.parse({ reason: "other", note: "  the date is 1919  " })).toEqual({ reason: "other", note: "the date is 1919" });
    expect(flagRequestSchema.safeParse({ reason: "other" }).success).toBe(false);
    expect(flagRequestSchema.safeParse({ reason: "other", note: "   " }).success).toBe(false);
    expect(flagRequestSchema.safeParse({ reason: "spam" }).success).toBe(false);
    expect(flagRequestSchema.safeParse({ reason: "bad-wording", note: "x".repeat(501) }).success).toBe(false);
    expect(flagRequestSchema.safeParse({ reason: "bad-wording", note: "x".repeat(500) }).success).toBe(true);
  });
});

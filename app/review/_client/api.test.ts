import { afterEach, describe, expect, it, vi } from "vitest";
import { sendGrade } from "./api";
import type { OutboxEntry } from "./outbox";

const entry: OutboxEntry = { id: "key-12345678", cardId: "c1", rating: 3, expectedVersion: 2, durationMs: 900, queue: "review", subject: "Yalta", createdAt: 0 };

function answer(status: number, body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } })));
}

const state = { due: "2026-03-02T10:00:00.000Z", state: 2, stability: 3, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 3, lapses: 0, lastReview: "2026-03-01T10:00:00.000Z" };

afterEach(() => vi.unstubAllGlobals());

describe("sendGrade", () => {
  it("sends the grade with its idempotency key and expected version", async () => {
    answer(200, { cardId: "c1", reviewId: "9", version: 3, state, replayed: false });
    await expect(sendGrade(entry)).resolves.toEqual({ kind: "saved", version: 3 });
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe("/api/review/grade");
    expect(JSON.parse(String(init?.body))).toEqual({ cardId: "c1", rating: 3, idempotencyKey: "key-12345678", durationMs: 900, expectedVersion: 2 });
  });

  it("classifies a 409 with the current state as graded elsewhere", async () => {
    answer(409, { error: { code: "conflict", message: "This card was graded elsewhere" }, current: { version: 5, state } });
    await expect(sendGrade(entry)).resolves.toEqual({ kind: "conflict", message: "This card was graded elsewhere", currentVersion: 5 });
  });

  it("treats other 409s and 4xx as refusals with the server's message", async () => {
    answer(409, { error: { code: "conflict", message: "This card was retired from its deck." } });
    await expect(sendGrade(entry)).resolves.toEqual({ kind: "refused", status: 409, message: "This card was retired from its deck." });
    answer(404, { error: { code: "not_found", message: "No such card." } });
    await expect(sendGrade(entry)).resolves.toMatchObject({ kind: "refused", status: 404 });
  });

  it("retries on 5xx, 429 and network errors, and keeps grades when signed out", async () => {
    answer(503, { error: { code: "internal", message: "down" } });
    await expect(sendGrade(entry)).resolves.toMatchObject({ kind: "retry", reason: "server" });
    answer(429, { error: { code: "rate_limited", message: "slow down" } });
    await expect(sendGrade(entry)).resolves.toMatchObject({ kind: "retry", reason: "server" });
    answer(401, { error: { code: "unauthenticated", message: "Sign in first." } });
    await expect(sendGrade(entry)).resolves.toEqual({ kind: "unauthenticated", message: "Sign in first." });
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(sendGrade(entry)).resolves.toMatchObject({ kind: "retry", reason: "network" });
  });
});

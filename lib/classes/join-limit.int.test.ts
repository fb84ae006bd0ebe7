// Join-code guessing against a real database: wrong codes are limited per user and per
// address, counted before the lookup so parallel guesses cannot pass the limit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { createClass, joinClass } from "./classes";
import { createJoinLimiter, RateLimitedError } from "./join-limit";
import { httpStatus } from "@/lib/http/errors";

let t: TestDb;
let code: string;
const T0 = new Date("2026-09-01T08:00:00Z");
const student = async (name: string) => ({ id: (await t.prisma.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" } })).id, role: "STUDENT" as const });

beforeAll(async () => {
  t = await freshDb();
  const teacher = await t.prisma.user.create({ data: { email: "teacher@example.com", name: "T", passwordHash: "x", role: "TEACHER" } });
  code = (await createClass(t.prisma, teacher.id, "History 9", T0)).joinCode;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.drop();
});

/** What a join answered: its class, or the HTTP status of its error. */
const outcome = (p: Promise<unknown>) => p.then(() => 201, (e: unknown) => httpStatus(e));
const wrong = (i: number) => `ZZZZ-${String(i).padStart(4, "2").replace(/[01]/g, "Z")}`;

describe("join-code guessing", () => {
  it("looks up at most 10 of 60 parallel wrong codes from one user; the rest get 429 with a wait", async () => {
    const limiter = createJoinLimiter(t.prisma, {}, randomUUID());
    const user = await student("parallel");
    const lookups = vi.fn(joinClass);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(limiter.guard(user.id, "192.0.2.1", () => lookups(t.prisma, user, wrong(i), T0)))));
    expect(lookups).toHaveBeenCalledTimes(10);
    expect(results.filter((s) => s === 404)).toHaveLength(10);
    expect(results.filter((s) => s === 429)).toHaveLength(50);
    const err = await limiter.guard(user.id, "192.0.2.1", () => joinClass(t.prisma, user, code, T0)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    // The 1-minute block, counted from when the limit was passed: a second or two earlier on a loaded machine.
    expect((err as RateLimitedError).retryAfterSec).toBeGreaterThanOrEqual(55);
    expect((err as RateLimitedError).retryAfterSec).toBeLessThanOrEqual(60);
    expect(await t.prisma.enrollment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("limits an address across accounts, and lets a user elsewhere join", async () => {
    const limiter = createJoinLimiter(t.prisma, {}, randomUUID());
    const statuses: number[] = [];
    for (let s = 0; s < 7; s++) {
      const user = await student(`farm${s}`);
      for (let i = 0; i < 9; i++) statuses.push(await outcome(limiter.guard(user.id, "192.0.2.2", () => joinClass(t.prisma, user, wrong(i), T0))));
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const elsewhere = await student("elsewhere");
    expect(await outcome(limiter.guard(elsewhere.id, "192.0.2.3", () => joinClass(t.prisma, elsewhere, code, T0)))).toBe(201);
  });

  it("does not count joins that find a class, and blocks for a doubling time that ends", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let now = new Date("2026-09-02T08:00:00Z").getTime();
    vi.setSystemTime(now);
    const limiter = createJoinLimiter(t.prisma, {}, randomUUID());
    const user = await student("mistyper");
    // Joining, then "already in this class" (409), many times: never a wrong guess.
    for (let i = 0; i < 15; i++) expect(await outcome(limiter.guard(user.id, "192.0.2.4", () => joinClass(t.prisma, user, code, T0)))).toBe(i === 0 ? 201 : 409);
    const waits: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10; i++) expect(await outcome(limiter.guard(user.id, "192.0.2.4", () => joinClass(t.prisma, user, wrong(i), T0)))).toBe(404);
      const err = (await limiter.guard(user.id, "192.0.2.4", () => joinClass(t.prisma, user, wrong(99), T0)).catch((e: unknown) => e)) as RateLimitedError;
      expect(httpStatus(err)).toBe(429);
      waits.push(err.retryAfterSec);
      now += err.retryAfterSec * 1000 + 1000;
      vi.setSystemTime(now);
    }
    expect(waits).toEqual([60, 120]);
    expect(await outcome(limiter.guard(user.id, "192.0.2.4", () => joinClass(t.prisma, user, wrong(1), T0)))).toBe(404);
  });
});

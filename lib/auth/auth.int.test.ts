import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { DomainError } from "@/lib/api/errors";
import { createPrisma } from "@/lib/db/client";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { authenticate, INVALID_CREDENTIALS, SignInError } from "./authenticate";
import { verifyPassword } from "./password";
import { createLoginLimiter, type LoginLimiter } from "./rate-limit";
import { registerUser } from "./register";
import { httpStatus } from "@/lib/http/errors";

// Counts the password checks, to show how many guesses a limit lets through.
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.drop();
});

const good = { email: "Ada@Example.com ", password: "correct horse battery", name: "Ada", role: "STUDENT" };

describe("registration", () => {
  it("creates an account with an argon2id hash and a normalised email", async () => {
    const user = await registerUser(t.prisma, good);
    expect(user).toMatchObject({ email: "ada@example.com", name: "Ada", role: "STUDENT" });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(good.password);
  });

  it("refuses a taken email with a conflict and writes nothing", async () => {
    const before = await t.prisma.user.count();
    const err = await registerUser(t.prisma, { ...good, email: "ADA@example.com" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(httpStatus(err)).toBe(409);
    expect(await t.prisma.user.count()).toBe(before);
  });

  it.each([
    [{ ...good, email: "not-an-email" }, /valid email/],
    [{ ...good, email: "short@example.com", password: "123456789" }, /at least 10 characters/],
    [{ ...good, email: "role@example.com", role: "ADMIN" }, /role/],
    [{ ...good, email: "noname@example.com", name: "  " }, /name/i],
  ])("refuses invalid input %#", async (input, message) => {
    const before = await t.prisma.user.count();
    const err = await registerUser(t.prisma, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")).toMatch(message);
    expect(await t.prisma.user.count()).toBe(before);
  });
});

const signIn = (limiter: LoginLimiter, address: string, password: string, email = "ada@example.com") =>
  authenticate(t.prisma, limiter, { email, password }, address);
/** The outcome of a sign-in, as the sign-in page shows it. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "signed in",
    (e: unknown) => (e instanceof Error && e.message === INVALID_CREDENTIALS ? "wrong" : e instanceof Error && /Too many/.test(e.message) ? "too many" : String(e)),
  );
const secondsOf = (message: string) => Number(/Try again in (\d+) seconds/.exec(message)?.[1]);

describe("sign-in", () => {
  beforeEach(() => vi.mocked(verifyPassword).mockClear());
  afterEach(() => vi.useRealTimers());

  it("accepts the right password and gives the same message for a wrong password or an unknown email", async () => {
    const limiter = createLoginLimiter(t.prisma, {}, randomUUID());
    const user = await signIn(limiter, "1.1.1.1", good.password);
    expect(user.email).toBe("ada@example.com");
    await expect(signIn(limiter, "1.1.1.1", "wrong password!")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(signIn(limiter, "1.1.1.1", "whatever123", "nobody@example.com")).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it("checks at most 5 passwords of 60 parallel guesses for one account, from one address or from 60", async () => {
    // The count is taken before the (slow) password check, so guesses in flight together
    // cannot all pass a check that reads the count first.
    const one = createLoginLimiter(t.prisma, {}, randomUUID());
    const fromOne = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(signIn(one, "5.5.5.5", `parallel-${i}-guess`))));
    expect(fromOne.filter((o) => o === "wrong").length).toBeLessThanOrEqual(5);
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
    expect(fromOne.filter((o) => o === "too many").length).toBeGreaterThanOrEqual(55);

    vi.mocked(verifyPassword).mockClear();
    const limiter = createLoginLimiter(t.prisma, {}, randomUUID());
    const fromMany = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(signIn(limiter, `6.6.${i}.1`, `parallel-${i}-guess`))));
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
    expect(fromMany.filter((o) => o === "too many").length).toBeGreaterThanOrEqual(55);
  });

  it("checks at most 5 passwords of 60 parallel guesses from the owner's own, known address", async () => {
    const limiter = createLoginLimiter(t.prisma, {}, randomUUID());
    await signIn(limiter, "7.7.7.7", good.password);
    vi.mocked(verifyPassword).mockClear();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(signIn(limiter, "7.7.7.7", `known-${i}-guess`))));
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
    expect(results.filter((o) => o === "too many").length).toBeGreaterThanOrEqual(55);
  });

  it("does not let strangers lock the owner out of signing in from an address the owner used before", async () => {
    const limiter = createLoginLimiter(t.prisma, {}, randomUUID());
    await signIn(limiter, "10.1.1.1", good.password);
    // Strangers: wrong passwords for the owner's account and for made-up ones, from many addresses.
    for (let i = 0; i < 40; i++) {
      await outcome(signIn(limiter, `10.9.${i % 8}.9`, `stranger-${i}-guess`, i % 2 ? "ada@example.com" : `made-up-${i}@example.com`));
    }
    await expect(signIn(limiter, "10.9.0.9", good.password)).rejects.toThrow(/Too many/);
    await expect(signIn(limiter, "10.1.1.1", good.password)).resolves.toMatchObject({ email: "ada@example.com" });
  });

  it("refuses for the block time, not for the whole window: even the right password, then lets the owner in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-05T10:00:00Z"));
    const limiter = createLoginLimiter(t.prisma, {}, randomUUID());
    for (let i = 0; i < 5; i++) await expect(signIn(limiter, "2.2.2.2", `wrong-${i}-password`)).rejects.toThrow(INVALID_CREDENTIALS);
    const err = await signIn(limiter, "2.2.2.2", good.password).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect((err as Error).message).toMatch(/Too many failed sign-in attempts\. Try again in \d+ seconds/);
    expect(secondsOf((err as Error).message)).toBeLessThanOrEqual(60);
    vi.setSystemTime(new Date("2026-01-05T10:01:01Z"));
    await expect(signIn(limiter, "2.2.2.2", good.password)).resolves.toMatchObject({ email: "ada@example.com" });
  });

  it("slows guessing at one account from addresses it never signed in from, longer with each block", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let now = new Date("2026-01-06T10:00:00Z").getTime();
    vi.setSystemTime(now);
    const limiter = createLoginLimiter(t.prisma, {}, randomUUID());
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) await expect(signIn(limiter, `8.8.${round}.${i}`, `round-${round}-${i}`)).rejects.toThrow(INVALID_CREDENTIALS);
      const err = (await signIn(limiter, `8.8.${round}.99`, good.password).catch((e: unknown) => e)) as Error;
      expect(err.message).toMatch(/Too many/);
      waits.push(secondsOf(err.message));
      now += waits.at(-1)! * 1000 + 1000;
      vi.setSystemTime(now);
    }
    expect(waits).toEqual([60, 120, 240]);
    await expect(signIn(limiter, "8.8.9.9", good.password)).resolves.toMatchObject({ email: "ada@example.com" });
  });

  it("counts in the database: guesses through one process's limiter refuse the next through another's", async () => {
    // What two worker processes or two app instances do: each has its own pool and limiter.
    const otherProcess = createPrisma(t.url, 2);
    try {
      const namespace = randomUUID();
      const first = createLoginLimiter(t.prisma, {}, namespace);
      const second = createLoginLimiter(otherProcess, {}, namespace);
      for (let i = 0; i < 5; i++) {
        await expect(authenticate(i % 2 ? otherProcess : t.prisma, i % 2 ? second : first, { email: "ada@example.com", password: `shared-${i}-guess` }, "9.9.9.9")).rejects.toThrow(INVALID_CREDENTIALS);
      }
      await expect(authenticate(otherProcess, second, { email: "ada@example.com", password: good.password }, "9.9.9.9")).rejects.toThrow(/Too many/);
      const stored = await t.prisma.rateLimit.findMany({ select: { key: true } });
      // Keys are hashes: neither the email nor the address is stored. (Not "ada" alone: a hex digest may contain it.)
      expect(stored.some((r) => r.key.includes("ada@example.com") || r.key.includes("9.9.9.9"))).toBe(false);
    } finally {
      await otherProcess.$disconnect();
    }
  });

  it("slows down one address guessing across many accounts; another address is not affected", async () => {
    const limiter = createLoginLimiter(t.prisma, {}, randomUUID());
    for (let i = 0; i < 30; i++) {
      await expect(signIn(limiter, "3.3.3.3", "guess-password", `guess${i}@example.com`)).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(signIn(limiter, "3.3.3.3", good.password)).rejects.toThrow(/Too many/);
    await expect(signIn(limiter, "4.4.4.4", good.password)).resolves.toMatchObject({ email: "ada@example.com" });
  });
});

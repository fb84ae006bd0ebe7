import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { ApiError } from "@/lib/api/errors";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { authenticate, INVALID_CREDENTIALS, SignInError } from "./authenticate";
import { createLoginLimiter } from "./rate-limit";
import { registerUser } from "./register";

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
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
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

describe("sign-in", () => {
  it("accepts the right password and gives the same message for a wrong password or an unknown email", async () => {
    const limiter = createLoginLimiter();
    const user = await authenticate(t.prisma, limiter, { email: "ada@example.com", password: good.password }, "1.1.1.1");
    expect(user.email).toBe("ada@example.com");
    await expect(authenticate(t.prisma, limiter, { email: "ada@example.com", password: "wrong password!" }, "1.1.1.1")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authenticate(t.prisma, limiter, { email: "nobody@example.com", password: "whatever123" }, "1.1.1.1")).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it("slows down repeated failures for one account: even the right password is refused for a while", async () => {
    const limiter = createLoginLimiter({ perEmail: 3, perIp: 100, windowSec: 60, blockSec: 60 });
    for (let i = 0; i < 3; i++) {
      await expect(authenticate(t.prisma, limiter, { email: "ada@example.com", password: `wrong-${i}-password` }, "2.2.2.2")).rejects.toThrow(INVALID_CREDENTIALS);
    }
    const err = await authenticate(t.prisma, limiter, { email: "ada@example.com", password: good.password }, "2.2.2.2").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect((err as Error).message).toMatch(/Too many failed sign-in attempts\. Try again in \d+ seconds/);
  });

  it("slows down one address guessing across many accounts", async () => {
    const limiter = createLoginLimiter({ perEmail: 100, perIp: 4, windowSec: 60, blockSec: 60 });
    for (let i = 0; i < 4; i++) {
      await expect(authenticate(t.prisma, limiter, { email: `guess${i}@example.com`, password: "guess-password" }, "3.3.3.3")).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authenticate(t.prisma, limiter, { email: "ada@example.com", password: good.password }, "3.3.3.3")).rejects.toThrow(/Too many/);
    // Another address is not affected.
    await expect(authenticate(t.prisma, limiter, { email: "ada@example.com", password: good.password }, "4.4.4.4")).resolves.toMatchObject({ email: "ada@example.com" });
  });
});

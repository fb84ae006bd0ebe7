// Account settings and password reset links on real Postgres, and the SMTP path against an
// in-process SMTP server (smtp-server) that keeps what it receives.
import { createHash } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createLoginLimiter } from "@/lib/auth/rate-limit";
import { registerUser } from "@/lib/auth/register";
import { createClass, joinClass } from "@/lib/classes/classes";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { issueLinkForStudent, issueResetLink, MAX_RECENT_LINKS, redeemResetLink, RESET_TTL_MS } from "./password-reset";
import { changePassword, updateAccount } from "./profile";
import { requestResetByEmail } from "./reset-request";

const PASSWORD = "account-test-password";
let t: TestDb;
let n = 0;

beforeAll(async () => {
  t = await freshDb();
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

async function user(role: "STUDENT" | "TEACHER" = "STUDENT") {
  return registerUser(t.prisma, { email: `u${++n}@example.com`, password: PASSWORD, name: `User ${n}`, role }, { teacherSignup: "open" });
}
const row = (id: string) => t.prisma.user.findUniqueOrThrow({ where: { id } });
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as { code?: string; message: string });

describe("account settings", () => {
  it("changes name and email; a taken or invalid email is refused and nothing changes", async () => {
    const a = await user();
    const b = await user();
    expect(await updateAccount(t.prisma, a.id, { name: "  Ada Lovelace ", email: "ADA@Example.com" })).toMatchObject({ name: "Ada Lovelace", email: "ada@example.com" });

    const taken = await refusal(updateAccount(t.prisma, b.id, { email: "Ada@example.com", name: "Changed" }));
    expect(taken).toMatchObject({ code: "conflict" });
    expect(await row(b.id)).toMatchObject({ email: b.email, name: b.name });

    for (const bad of [{ email: "not-an-email" }, { name: "" }, {}, { role: "TEACHER" }]) {
      expect(await refusal(updateAccount(t.prisma, b.id, bad))).toMatchObject({ name: "ZodError" });
    }
    expect(await row(b.id)).toMatchObject({ email: b.email, name: b.name, role: "STUDENT" });
  });

  it("changes the password only with the current one, and ends every session", async () => {
    const a = await user();
    const guard = { limiter: createLoginLimiter(t.prisma, {}, `t${n}`), address: "203.0.113.7" };
    const before = await row(a.id);
    const wrong = await refusal(changePassword(t.prisma, a.id, { currentPassword: "not-my-password", newPassword: "a-new-long-password" }, guard));
    expect(wrong).toMatchObject({ code: "validation_failed" });
    const short = await refusal(changePassword(t.prisma, a.id, { currentPassword: PASSWORD, newPassword: "short" }, guard));
    expect(short).toMatchObject({ name: "ZodError" });
    expect(await row(a.id)).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });

    const { sessionVersion } = await changePassword(t.prisma, a.id, { currentPassword: PASSWORD, newPassword: "a-new-long-password" }, guard);
    const after = await row(a.id);
    expect(sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.sessionVersion).toBe(sessionVersion);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after.passwordHash, "a-new-long-password")).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
  });

  it("counts wrong current passwords as sign-in failures: past the limit even the right one waits", async () => {
    const a = await user();
    const guard = { limiter: createLoginLimiter(t.prisma, { perPair: 2 }, `guess${n}`), address: "203.0.113.8" };
    for (const guess of ["guess-one-wrong", "guess-two-wrong"]) {
      expect(await refusal(changePassword(t.prisma, a.id, { currentPassword: guess, newPassword: "a-new-long-password" }, guard))).toMatchObject({ code: "validation_failed" });
    }
    const limited = await refusal(changePassword(t.prisma, a.id, { currentPassword: PASSWORD, newPassword: "a-new-long-password" }, guard));
    expect(limited).toMatchObject({ code: "rate_limited" });
    expect(await verifyPassword((await row(a.id)).passwordHash, PASSWORD)).toBe(true);
  });
});

describe("reset links", () => {
  it("are stored only as a SHA-256 of the token, work once, set the password and end every session", async () => {
    const a = await user();
    const { token } = await issueResetLink(t.prisma, a.id, { ttlMs: RESET_TTL_MS.handedOver });
    const stored = await t.prisma.passwordResetToken.findMany({ where: { userId: a.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const before = await row(a.id);
    await redeemResetLink(t.prisma, { token, password: "reset-new-password" });
    const after = await row(a.id);
    expect(await verifyPassword(after.passwordHash, "reset-new-password")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);

    const again = await refusal(redeemResetLink(t.prisma, { token, password: "another-new-password" }));
    expect(again).toMatchObject({ code: "bad_request" });
    expect((await row(a.id)).passwordHash).toBe(after.passwordHash);
  });

  it("refuse an expired, a withdrawn, an unknown or a malformed token, changing nothing", async () => {
    const a = await user();
    const old = new Date(Date.now() - 25 * 3600_000);
    const expired = await issueResetLink(t.prisma, a.id, { ttlMs: RESET_TTL_MS.handedOver, now: old });
    const first = await issueResetLink(t.prisma, a.id, { ttlMs: RESET_TTL_MS.handedOver });
    const second = await issueResetLink(t.prisma, a.id, { ttlMs: RESET_TTL_MS.handedOver });
    const before = await row(a.id);
    for (const token of [expired.token, first.token, "A".repeat(43)]) {
      expect(await refusal(redeemResetLink(t.prisma, { token, password: "whatever-password" }))).toMatchObject({ code: "bad_request" });
    }
    for (const token of ["", "short", `${"A".repeat(43)}=`]) {
      expect(await refusal(redeemResetLink(t.prisma, { token, password: "whatever-password" }))).toMatchObject({ name: "ZodError" });
    }
    expect(await row(a.id)).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });
    await redeemResetLink(t.prisma, { token: second.token, password: "the-newest-password" });
  });

  it("used at once twice: exactly one wins", async () => {
    const a = await user();
    const { token } = await issueResetLink(t.prisma, a.id, { ttlMs: RESET_TTL_MS.handedOver });
    const results = await Promise.allSettled([
      redeemResetLink(t.prisma, { token, password: "racing-password-one" }),
      redeemResetLink(t.prisma, { token, password: "racing-password-two" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("a teacher issues them only for a student of their own class", async () => {
    const teacher = await user("TEACHER");
    const other = await user("TEACHER");
    const cls = await createClass(t.prisma, teacher.id, "History 9");
    const student = await user();
    const outsider = await user();
    await joinClass(t.prisma, { id: student.id, role: "STUDENT" }, cls.joinCode);

    const link = await issueLinkForStudent(t.prisma, teacher.id, cls.id, student.id);
    expect(link.student).toMatchObject({ id: student.id });
    expect((await t.prisma.passwordResetToken.findFirstOrThrow({ where: { userId: student.id } })).issuedById).toBe(teacher.id);

    for (const [teacherId, studentId] of [[other.id, student.id], [teacher.id, outsider.id], [teacher.id, other.id], [teacher.id, teacher.id]] as const) {
      expect(await refusal(issueLinkForStudent(t.prisma, teacherId, cls.id, studentId))).toMatchObject({ code: "not_found" });
    }
    expect(await t.prisma.passwordResetToken.count({ where: { userId: { in: [outsider.id, other.id, teacher.id] } } })).toBe(0);
  });
});

describe("reset by email (SMTP)", () => {
  it("is refused with a clear message when SMTP is not configured", async () => {
    delete process.env.SMTP_URL;
    expect(await refusal(requestResetByEmail(t.prisma, { email: "u1@example.com" }, "http://app.test"))).toMatchObject({ code: "not_found" });
  });

  it("mails a working link to the account, the same answer for an unknown address, at most 3 an hour", async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        let text = "";
        stream.on("data", (c: Buffer) => (text += c.toString("utf8")));
        stream.on("end", () => {
          received.push(text);
          done();
        });
      },
    });
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    try {
      const a = await user();
      const { sent } = await requestResetByEmail(t.prisma, { email: a.email.toUpperCase() }, "http://app.test");
      expect(await sent).toBe(true);
      expect(received).toHaveLength(1);
      // The body is quoted-printable: soft line breaks and =XX escapes.
      const mail = received[0]!.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      expect(mail).toMatch(new RegExp(`^To: .*<${a.email}>`, "m"));
      expect(mail).toContain("Subject: Reset your History Cards password");
      const token = /http:\/\/app\.test\/reset-password#token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1];
      expect(token).toBeDefined();
      await redeemResetLink(t.prisma, { token, password: "mailed-new-password" });
      expect(await verifyPassword((await row(a.id)).passwordHash, "mailed-new-password")).toBe(true);

      expect(await (await requestResetByEmail(t.prisma, { email: "nobody@example.com" }, "http://app.test")).sent).toBe(false);
      for (let i = 1; i < MAX_RECENT_LINKS + 2; i++) await (await requestResetByEmail(t.prisma, { email: a.email }, "http://app.test")).sent;
      expect(received).toHaveLength(MAX_RECENT_LINKS);
    } finally {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

// Teacher accounts come from invitations (issue 12, "Teacher accounts"), over real HTTP
// against the production server (`next start`, teacher sign-up not opened) and Postgres:
// registering as a teacher without an invitation is refused and writes nothing; a teacher's
// invitation registers one teacher, once, even when raced; expired and used ones are refused;
// the operator's CLIs (invite-teacher, grant-teacher) work; TEACHER_SIGNUP=open opens sign-up.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "@/lib/bench/app-server";
import { HttpClient, keepAliveAgent } from "@/lib/bench/http-client";
import { ROOT } from "@/lib/config/root";
import { appWithAccounts } from "@/lib/testing/app-with-accounts";
import type { TestDb } from "@/lib/testing/db";
import { hashToken } from "./one-time-token";
import { registerUser } from "./register";

const PASSWORD = "invitations-test-password";

let t: TestDb;
let app: AppServer;
let teacher: HttpClient;
let student: HttpClient;
const agent = keepAliveAgent();

beforeAll(async () => {
  // The server inherits this process's environment: the default (invitations only) is under test.
  delete process.env.TEACHER_SIGNUP;
  ({ t, app, teacher, student } = await appWithAccounts(agent, PASSWORD));
}, 600_000);

afterAll(async () => {
  agent.destroy();
  await app?.stop();
  await t?.drop();
});

const anonymous = () => new HttpClient(app.baseUrl, agent);
const newEmail = (tag: string) => `${tag}-${randomBytes(4).toString("hex")}@example.com`;
const registration = (email: string, extra: Record<string, unknown> = {}) => ({ email, password: PASSWORD, name: "New Colleague", role: "TEACHER", ...extra });
const accounts = (email: string) => t.prisma.user.count({ where: { email } });
type ErrorAnswer = { error: { code: string; message: string } };

/** A teacher's invitation over HTTP: its link and the token in the link's fragment. */
async function invitation(by: HttpClient = teacher): Promise<{ url: string; token: string; expiresAt: string }> {
  const res = await by.request<{ invitation: { url: string; expiresAt: string } }>("POST", "/api/teacher-invitations");
  expect(res.status).toBe(201);
  const { url, expiresAt } = res.body.invitation;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/register#invite=[A-Za-z0-9_-]{43}$/);
  return { url, token: url.split("#invite=")[1]!, expiresAt };
}

const tokenRow = (token: string) => t.prisma.teacherInvitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });

describe("registering as a teacher", () => {
  it("without an invitation is refused with 403 and writes nothing; a student registers as before", async () => {
    const before = await t.prisma.user.count();
    const email = newEmail("self-made");
    const res = await anonymous().request<ErrorAnswer>("POST", "/api/register", { json: registration(email) });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/need an invitation/) });
    expect(await accounts(email)).toBe(0);
    expect(await t.prisma.user.count()).toBe(before);
    const asStudent = await anonymous().request<{ user: { role: string } }>("POST", "/api/register", { json: { ...registration(email), role: "STUDENT" } });
    expect(asStudent.status).toBe(201);
    expect(asStudent.body.user.role).toBe("STUDENT");
  });

  it("with a teacher's invitation works once: the new teacher can teach, a second use is refused", async () => {
    const { token, expiresAt } = await invitation();
    // Valid for a week.
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const email = newEmail("invited");
    const res = await anonymous().request<{ user: { id: string; role: string } }>("POST", "/api/register", { json: registration(email, { invitation: token }) });
    expect(res.status).toBe(201);
    expect(res.body.user.role).toBe("TEACHER");
    const row = await tokenRow(token);
    expect(row.usedById).toBe(res.body.user.id);
    expect(row.usedAt).not.toBeNull();

    const colleague = anonymous();
    await colleague.signIn(email, PASSWORD);
    expect((await colleague.request("POST", "/api/classes", { json: { name: "History 11C" } })).status).toBe(201);

    const again = newEmail("reused");
    const second = await anonymous().request<ErrorAnswer>("POST", "/api/register", { json: registration(again, { invitation: token }) });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(/already used or has expired/);
    expect(await accounts(again)).toBe(0);
  });

  it("with an expired invitation is refused, and nothing is written", async () => {
    const { token } = await invitation();
    await t.prisma.teacherInvitation.update({ where: { id: (await tokenRow(token)).id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const email = newEmail("late");
    const res = await anonymous().request<ErrorAnswer>("POST", "/api/register", { json: registration(email, { invitation: token }) });
    expect(res.status).toBe(400);
    expect(await accounts(email)).toBe(0);
    expect((await tokenRow(token)).usedAt).toBeNull();
  });

  it("with an unknown or malformed token is refused", async () => {
    const unknown = await anonymous().request<ErrorAnswer>("POST", "/api/register", { json: registration(newEmail("unknown"), { invitation: randomBytes(32).toString("base64url") }) });
    expect(unknown.status).toBe(400);
    const malformed = await anonymous().request<ErrorAnswer>("POST", "/api/register", { json: registration(newEmail("short"), { invitation: "abc" }) });
    expect(malformed.status).toBe(422);
  });

  it("with one invitation raced 8 times makes exactly one teacher", async () => {
    const { token } = await invitation();
    const emails = Array.from({ length: 8 }, (_, i) => newEmail(`race${i}`));
    const answers = await Promise.all(emails.map((email) => anonymous().request("POST", "/api/register", { json: registration(email, { invitation: token }) })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400, 400, 400, 400, 400]);
    expect(await t.prisma.user.count({ where: { email: { in: emails } } })).toBe(1);
  });

  it("with a taken email answers 409 and leaves the invitation unused; a student account cannot use one", async () => {
    const { token } = await invitation();
    const taken = await anonymous().request("POST", "/api/register", { json: registration("sam@example.com", { invitation: token }) });
    expect(taken.status).toBe(409);
    expect((await tokenRow(token)).usedAt).toBeNull();
    const asStudent = await anonymous().request<ErrorAnswer & { fields: Record<string, string> }>("POST", "/api/register", { json: registration(newEmail("student"), { role: "STUDENT", invitation: token }) });
    expect(asStudent.status).toBe(422);
    expect(asStudent.body.fields).toHaveProperty("role");
    expect((await tokenRow(token)).usedAt).toBeNull();
    expect((await anonymous().request("POST", "/api/register", { json: registration(newEmail("after"), { invitation: token }) })).status).toBe(201);
  });
});

describe("making invitations", () => {
  it("is for teachers: a student gets 403, no session 401, and nothing is stored", async () => {
    const before = await t.prisma.teacherInvitation.count();
    expect((await student.request("POST", "/api/teacher-invitations")).status).toBe(403);
    expect((await anonymous().request("POST", "/api/teacher-invitations")).status).toBe(401);
    expect(await t.prisma.teacherInvitation.count()).toBe(before);
  });

  it("by the operator: npm run invite-teacher prints a link that registers a teacher; grant-teacher promotes an account", async () => {
    const env = { ...process.env, DATABASE_URL: t.url, NEXTAUTH_URL: app.baseUrl };
    const run = (script: string, ...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/cli", script), ...args], { cwd: ROOT, env, encoding: "utf8" });
    const out = run("invite-teacher.ts");
    const token = /\/register#invite=([A-Za-z0-9_-]{43})/.exec(out)?.[1];
    expect(token, out).toBeDefined();
    expect((await tokenRow(token!)).issuedById).toBeNull();
    expect((await anonymous().request("POST", "/api/register", { json: registration(newEmail("operator"), { invitation: token }) })).status).toBe(201);

    const email = newEmail("promoted");
    await registerUser(t.prisma, { email, password: PASSWORD, name: "Promoted" });
    expect(run("grant-teacher.ts", email)).toContain("is now a teacher");
    expect((await t.prisma.user.findUniqueOrThrow({ where: { email } })).role).toBe("TEACHER");
  }, 120_000);
});

describe("TEACHER_SIGNUP=open (a one-teacher install)", () => {
  it("lets an account register as a teacher without an invitation", async () => {
    const email = newEmail("open");
    await expect(registerUser(t.prisma, registration(email))).rejects.toMatchObject({ code: "forbidden" });
    expect(await accounts(email)).toBe(0);
    expect(await registerUser(t.prisma, registration(email), { teacherSignup: "open" })).toMatchObject({ email, role: "TEACHER" });
  });
});

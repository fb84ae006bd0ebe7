// Sign-in and class-join limits over real HTTP against the production server (`next start`),
// with clients on different loopback addresses (127.0.0.x), so the server sees distinct
// socket peers: the limits must key on the peer, trust X-Forwarded-For only from the proxies
// in TRUSTED_PROXIES, and answer a join flood with 429, Retry-After and the error shape.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "@/lib/api/errors";
import { registerUser } from "@/lib/auth/register";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { buildIfNeeded } from "@/lib/cli/build";
import { createClass } from "@/lib/classes/classes";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";

const PASSWORD = "limits-http-test-password";
const PROXY = "127.0.0.9";

let t: TestDb;
let app: AppServer;

beforeAll(async () => {
  await buildIfNeeded();
  t = await freshDb();
  app = await startApp({ databaseUrl: t.url, port: await freePort(), authSecret: randomBytes(32).toString("hex"), env: { TRUSTED_PROXIES: PROXY } });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await t?.drop();
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** One request from the loopback address `from`, without keep-alive (a fresh socket each time). */
function call(from: string, method: string, path: string, opts: { body?: string; type?: string; cookie?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) {
    headers["content-type"] = opts.type ?? "application/json";
    headers["content-length"] = String(Buffer.byteLength(opts.body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: app.port, method, path, headers, localAddress: from, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const cookiesOf = (reply: Reply) => (reply.headers["set-cookie"] ?? []).map((c) => c.split(";", 1)[0]!);

/** next-auth's credentials sign-in: "ok" with the session cookie, or the error it reports. */
async function signIn(from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<{ result: string; cookie: string }> {
  const csrf = await call(from, "GET", "/api/auth/csrf", { headers });
  const csrfToken = (JSON.parse(csrf.text) as { csrfToken: string }).csrfToken;
  const jar = cookiesOf(csrf);
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  const res = await call(from, "POST", "/api/auth/callback/credentials", { body: form, type: "application/x-www-form-urlencoded", cookie: jar.join("; "), headers });
  const cookies = [...jar, ...cookiesOf(res)];
  if (cookies.some((c) => c.startsWith("next-auth.session-token="))) return { result: "ok", cookie: cookies.join("; ") };
  const url = (JSON.parse(res.text) as { url?: string }).url ?? "";
  return { result: new URL(url, app.baseUrl).searchParams.get("error") ?? `${res.status} ${res.text}`, cookie: "" };
}

let n = 0;
async function newStudent(): Promise<string> {
  const email = `student${++n}-${randomBytes(3).toString("hex")}@example.com`;
  await registerUser(t.prisma, { email, password: PASSWORD, name: `Student ${n}` });
  return email;
}

async function failMany(from: string, count: number, headers: (i: number) => Record<string, string> = () => ({})) {
  for (let i = 0; i < count; i++) {
    expect((await signIn(from, `nobody-${i}-${randomBytes(3).toString("hex")}@example.com`, "wrong-password-1", headers(i))).result).toMatch(/Incorrect/);
  }
}

describe("sign-in limits key on the client's real address", () => {
  it("a stranger's failures from another address do not lock an owner out (no shared 'local' counter)", async () => {
    const owner = await newStudent();
    await failMany("127.0.0.2", 30);
    expect((await signIn("127.0.0.2", await newStudent(), PASSWORD)).result).toMatch(/Too many failed sign-in attempts\. Try again in \d+ seconds/);
    expect((await signIn("127.0.0.3", owner, PASSWORD)).result).toBe("ok");
  }, 120_000);

  it("ignores X-Forwarded-For from a client that is not a trusted proxy: forging it does not escape the limit", async () => {
    await failMany("127.0.0.4", 30, (i) => ({ "x-forwarded-for": `198.51.100.${i + 1}` }));
    const res = await signIn("127.0.0.4", await newStudent(), PASSWORD, { "x-forwarded-for": "198.51.100.200" });
    expect(res.result).toMatch(/Too many/);
  }, 120_000);

  it("uses X-Forwarded-For from a proxy named in TRUSTED_PROXIES: clients behind it are kept apart", async () => {
    await failMany(PROXY, 30, () => ({ "x-forwarded-for": "203.0.113.7" }));
    expect((await signIn(PROXY, await newStudent(), PASSWORD, { "x-forwarded-for": "203.0.113.7" })).result).toMatch(/Too many/);
    // A forged entry in front of the proxy's own is not believed either.
    expect((await signIn(PROXY, await newStudent(), PASSWORD, { "x-forwarded-for": "198.51.100.1, 203.0.113.7" })).result).toMatch(/Too many/);
    expect((await signIn(PROXY, await newStudent(), PASSWORD, { "x-forwarded-for": "203.0.113.8" })).result).toBe("ok");
  }, 120_000);
});

describe("joining a class by code", () => {
  const join = (from: string, cookie: string, code: string) => call(from, "POST", "/api/classes/join", { body: JSON.stringify({ code }), cookie });
  const wrongCode = () => `ZZZZ-${randomBytes(2).toString("hex").toUpperCase().replace(/[01]/g, "Z")}`;

  async function expectRateLimited(reply: Reply) {
    expect(reply.status).toBe(429);
    expect(Number(reply.headers["retry-after"])).toBeGreaterThan(0);
    const body = errorBodySchema.parse(JSON.parse(reply.text));
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Try again in \d+ seconds/);
  }

  it("limits wrong codes per user: 429 with Retry-After, even for the right code while it lasts", async () => {
    const teacher = await registerUser(t.prisma, { email: `t-${randomBytes(3).toString("hex")}@example.com`, password: PASSWORD, name: "T", role: "TEACHER" }, { teacherSignup: "open" });
    const cls = await createClass(t.prisma, teacher.id, "History 9");
    const { cookie } = await signIn("127.0.0.5", await newStudent(), PASSWORD);
    for (let i = 0; i < 10; i++) expect((await join("127.0.0.5", cookie, wrongCode())).status).toBe(404);
    await expectRateLimited(await join("127.0.0.5", cookie, wrongCode()));
    await expectRateLimited(await join("127.0.0.5", cookie, cls.joinCode));
    // Another student, elsewhere, is not affected.
    const other = await signIn("127.0.0.6", await newStudent(), PASSWORD);
    expect((await join("127.0.0.6", other.cookie, cls.joinCode)).status).toBe(201);
  }, 120_000);

  it("limits wrong codes per address across accounts, so making accounts does not buy more guesses", async () => {
    const students = [];
    for (let i = 0; i < 7; i++) students.push((await signIn("127.0.0.7", await newStudent(), PASSWORD)).cookie);
    const statuses: number[] = [];
    for (const cookie of students) for (let i = 0; i < 9; i++) statuses.push((await join("127.0.0.7", cookie, wrongCode())).status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  }, 120_000);

  it("does not count successful joins: a whole class behind one address can join", async () => {
    const teacher = await registerUser(t.prisma, { email: `t2-${randomBytes(3).toString("hex")}@example.com`, password: PASSWORD, name: "T2", role: "TEACHER" }, { teacherSignup: "open" });
    const cls = await createClass(t.prisma, teacher.id, "History 10");
    const results = [];
    for (let i = 0; i < 12; i++) {
      const { cookie } = await signIn("127.0.0.8", await newStudent(), PASSWORD);
      results.push((await join("127.0.0.8", cookie, cls.joinCode)).status);
    }
    expect(results.every((s) => s === 201)).toBe(true);
  }, 120_000);
});

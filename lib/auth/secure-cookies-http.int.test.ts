// Cookies are Secure whenever the app is served over HTTPS (issue 12, "Headers"), over real
// HTTP against the production server: started with an https NEXTAUTH_URL (as behind a TLS
// proxy), every cookie next-auth sets is Secure under its __Host-/__Secure- name, the session
// works under that name, and pages' CSP upgrades insecure requests. (Served over http, the
// other HTTP tests sign in with the plain names.)
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { buildIfNeeded } from "@/lib/cli/build";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";
import { registerUser } from "./register";

const PASSWORD = "secure-cookies-test-password";
const EMAIL = "secure@example.com";

let t: TestDb;
let app: AppServer;

beforeAll(async () => {
  await buildIfNeeded();
  t = await freshDb();
  await registerUser(t.prisma, { email: EMAIL, password: PASSWORD, name: "Secure" });
  app = await startApp({ databaseUrl: t.url, port: await freePort(), authSecret: randomBytes(32).toString("hex"), env: { NEXTAUTH_URL: "https://cards.example.org" } });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await t?.drop();
});

/** name=value of each Set-Cookie line. */
const pairs = (lines: string[]) => lines.map((l) => l.split(";", 1)[0]!);

describe("behind https (NEXTAUTH_URL https://…)", () => {
  it("sets every session and CSRF cookie Secure with the __Host-/__Secure- names, and the session works under them", async () => {
    const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.length).toBeGreaterThan(0);

    const signIn = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: pairs(csrfCookies).join("; ") },
      body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, json: "true" }),
    });
    expect(signIn.status).toBe(200);
    const all = [...csrfCookies, ...signIn.headers.getSetCookie()];
    for (const line of all) {
      expect(line, line).toMatch(/^(__Host-|__Secure-)next-auth\./);
      expect(line, line).toMatch(/;\s*Secure(;|$)/i);
    }
    const session = pairs(all).find((p) => p.startsWith("__Secure-next-auth.session-token="));
    expect(session, JSON.stringify(all)).toBeDefined();

    const account = await fetch(`${app.baseUrl}/api/account`, { headers: { cookie: session! } });
    expect(account.status).toBe(200);
    // The plain name is not read: a cookie sent over http cannot stand in for the secure one.
    const plain = await fetch(`${app.baseUrl}/api/account`, { headers: { cookie: session!.replace("__Secure-", "") } });
    expect(plain.status).toBe(401);
  });

  it("adds upgrade-insecure-requests to the pages' Content-Security-Policy", async () => {
    const page = await fetch(`${app.baseUrl}/signin`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/upgrade-insecure-requests/);
  });
});

// Ending sessions over real HTTP against the production server (`next start`) and Postgres:
// a token kept from before sign-out is refused everywhere (App Router routes, the grade
// route, next-auth's session, pages), a student removed from a class loses that class's
// assignment and deck at once, and pages carry a Content-Security-Policy with a nonce that
// Next.js puts on its scripts.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/auth/register";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { HttpClient, keepAliveAgent } from "@/lib/bench/http-client";
import { buildIfNeeded } from "@/lib/cli/build";
import { createAssignment } from "@/lib/classes/assignments";
import { createClass, joinClass } from "@/lib/classes/classes";
import { loadContentDecks } from "@/lib/decks/content";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";

const PASSWORD = "sessions-http-test-password";

let t: TestDb;
let app: AppServer;
const agent = keepAliveAgent();

beforeAll(async () => {
  await buildIfNeeded();
  t = await freshDb();
  await loadContentDecks(t.prisma);
  app = await startApp({ databaseUrl: t.url, port: await freePort(), authSecret: randomBytes(32).toString("hex") });
}, 600_000);

afterAll(async () => {
  agent.destroy();
  await app?.stop();
  await t?.drop();
});

let n = 0;
async function signedIn(role: "STUDENT" | "TEACHER" = "STUDENT") {
  const email = `user${++n}-${randomBytes(3).toString("hex")}@example.com`;
  const user = await registerUser(t.prisma, { email, password: PASSWORD, name: `User ${n}` });
  if (role === "TEACHER") await t.prisma.user.update({ where: { id: user.id }, data: { role } });
  const client = new HttpClient(app.baseUrl, agent);
  await client.signIn(email, PASSWORD);
  return { id: user.id, client };
}

/** A request with a fixed cookie header (a token kept by whoever held it), without redirects. */
async function withCookie(cookie: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method, redirect: "manual",
    headers: { cookie, ...(json === undefined ? {} : { "content-type": "application/json" }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function signOut(client: HttpClient) {
  const csrf = await client.request<{ csrfToken: string }>("GET", "/api/auth/csrf");
  const res = await client.request("POST", "/api/auth/signout", { form: { csrfToken: csrf.body!.csrfToken, json: "true" } });
  expect(res.status).toBe(200);
}

const curatedCard = () => t.prisma.card.findFirstOrThrow({ where: { deck: { ownerId: null } }, orderBy: { id: "asc" } });
const grade = (cardId: string, expectedVersion = 0) => ({ cardId, rating: 3, idempotencyKey: randomUUID(), durationMs: 3000, expectedVersion });

describe("sessions end when they should", () => {
  it("refuses a token kept from before sign-out: 401 on the API and the grade route, no session, sign-in page shown", async () => {
    const { client } = await signedIn();
    const kept = client.cookieHeader;
    const card = await curatedCard();
    expect((await withCookie(kept, "GET", "/api/decks")).status).toBe(200);
    expect((await withCookie(kept, "POST", "/api/review/grade", grade(card.id))).status).toBe(200);

    await signOut(client);

    const decks = await withCookie(kept, "GET", "/api/decks");
    expect(decks.status).toBe(401);
    expect(JSON.parse(decks.text)).toMatchObject({ error: { code: "unauthenticated" } });
    const graded = await withCookie(kept, "POST", "/api/review/grade", grade(card.id, 1));
    expect(graded.status).toBe(401);
    expect(JSON.parse(graded.text)).toMatchObject({ error: { code: "unauthenticated" } });
    expect(JSON.parse((await withCookie(kept, "GET", "/api/auth/session")).text)).toEqual({});
    // Pages: the sign-in form, not a redirect loop between it and the page that refused the token.
    const signin = await withCookie(kept, "GET", "/signin");
    expect(signin.status).toBe(200);
    const review = await withCookie(kept, "GET", "/review");
    expect(review.status === 307 ? review.headers.get("location") : review.text).toMatch(/\/signin/);
    // Nothing was graded with the ended session.
    expect(await t.prisma.reviewLog.count({ where: { cardId: card.id, rating: 3 } })).toBe(1);
  });

  it("ends every session of the user (sign-out is everywhere), and a new sign-in works", async () => {
    const { id, client } = await signedIn();
    const other = new HttpClient(app.baseUrl, agent);
    const email = (await t.prisma.user.findUniqueOrThrow({ where: { id } })).email;
    await other.signIn(email, PASSWORD);
    await signOut(client);
    expect((await other.request("GET", "/api/decks")).status).toBe(401);
    await other.signIn(email, PASSWORD);
    expect((await other.request("GET", "/api/decks")).status).toBe(200);
  });

  it("a student removed from a class loses its assignment and deck at once", async () => {
    const teacher = await signedIn("TEACHER");
    const student = await signedIn();
    const deck = await t.prisma.deck.create({ data: { slug: `class-deck-${randomUUID()}`, title: "Class deck", ownerId: teacher.id, status: "PUBLISHED" } });
    const card = await t.prisma.card.create({
      data: { id: `class-card-${randomUUID()}`, deckId: deck.id, kind: "TERM", subject: "x", prompt: "x?", answer: "x", quote: "x.", start: 0, end: 2 },
    });
    const cls = await createClass(t.prisma, teacher.id, "Class A");
    await joinClass(t.prisma, { id: student.id, role: "STUDENT" }, cls.joinCode);
    const assignment = await createAssignment(t.prisma, teacher.id, { kind: "REVIEW", classId: cls.id, deckId: deck.id, dueAt: new Date(Date.now() + 7 * 864e5), targetRecall: 0.8 });

    const listed = async () => ((await student.client.request<{ assignments: { id: string }[] }>("GET", "/api/assignments")).body?.assignments ?? []).map((a) => a.id);
    expect(await listed()).toContain(assignment.id);
    expect((await student.client.request("GET", `/api/decks/${deck.id}`)).status).toBe(200);
    expect((await student.client.request("POST", "/api/review/grade", { json: grade(card.id) })).status).toBe(200);

    // Through the teacher's API, as the teacher would.
    expect((await teacher.client.request("DELETE", `/api/classes/${cls.id}/students/${student.id}`)).status).toBe(200);

    expect(await listed()).not.toContain(assignment.id);
    expect((await student.client.request("GET", `/api/decks/${deck.id}`)).status).toBe(404);
    expect((await student.client.request("POST", "/api/review/grade", { json: grade(card.id, 1) })).status).toBe(404);
    // Removal ends access to the class, not the student's session.
    expect((await student.client.request("GET", "/api/decks")).status).toBe(200);
  });
});

describe("pages' Content-Security-Policy", () => {
  it("has a fresh nonce per request that Next.js puts on its scripts, and no unsafe-inline scripts", async () => {
    const a = await withCookie("", "GET", "/signin");
    const b = await withCookie("", "GET", "/signin");
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests"); // served over plain http here
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    const scripts = [...a.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("is on signed-in pages and the teacher pages' 403 too", async () => {
    const { client } = await signedIn();
    for (const path of ["/review", "/teacher"]) {
      const res = await withCookie(client.cookieHeader, "GET", path);
      expect(res.headers.get("content-security-policy"), path).toMatch(/'nonce-[^']+'/);
    }
  });
});

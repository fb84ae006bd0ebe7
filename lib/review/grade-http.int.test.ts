// POST /api/review/grade over real HTTP against the production server (`next start`): the
// route (a Pages API route, see pages/api/review/grade.ts) refuses bad input with a 4xx in
// the API's error shape and changes nothing; a good grade is applied once, and its retry
// answers the first result.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradeResponse } from "@/lib/api/review";
import { registerUser } from "@/lib/auth/register";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { HttpClient, keepAliveAgent } from "@/lib/bench/http-client";
import { buildIfNeeded } from "@/lib/cli/build";
import { loadContentDecks } from "@/lib/decks/content";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";

const PASSWORD = "grade-http-test-password";

let t: TestDb;
let app: AppServer;
let client: HttpClient;
let cardId: string;
let hiddenCardId: string;
const agent = keepAliveAgent();

beforeAll(async () => {
  await buildIfNeeded();
  t = await freshDb();
  await loadContentDecks(t.prisma);
  await registerUser(t.prisma, { email: "learner@example.com", password: PASSWORD, name: "Learner" });
  const other = await registerUser(t.prisma, { email: "other@example.com", password: PASSWORD, name: "Other" });
  cardId = (await t.prisma.card.findFirstOrThrow({ where: { deck: { ownerId: null } }, orderBy: { id: "asc" } })).id;
  // A card in another user's unpublished deck: the learner may not see it, let alone grade it.
  const deck = await t.prisma.deck.create({ data: { slug: `private-${randomUUID()}`, title: "Private", ownerId: other.id, status: "DRAFT" } });
  hiddenCardId = (await t.prisma.card.create({
    data: { id: `private-card-${randomUUID()}`, deckId: deck.id, kind: "TERM", subject: "x", prompt: "x?", answer: "x", quote: "x.", start: 0, end: 2 },
  })).id;
  app = await startApp({ databaseUrl: t.url, port: await freePort(), authSecret: randomBytes(32).toString("hex") });
  client = new HttpClient(app.baseUrl, agent);
  await client.signIn("learner@example.com", PASSWORD);
}, 600_000);

afterAll(async () => {
  agent.destroy();
  await app?.stop();
  await t?.drop();
});

const grade = (over: Record<string, unknown> = {}) => ({
  cardId, rating: 3, idempotencyKey: randomUUID(), durationMs: 4000, expectedVersion: 0, ...over,
});

async function raw(body: string, headers: Record<string, string>, method = "POST") {
  const res = await fetch(`${app.baseUrl}/api/review/grade`, { method, body: method === "GET" ? undefined : body, headers: { cookie: client.cookieHeader, ...headers } });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
}

const changes = async () => ({
  logs: await t.prisma.reviewLog.count(),
  states: await t.prisma.cardState.count(),
});

describe("POST /api/review/grade over HTTP", () => {
  it("refuses bad input with a clear 4xx, no stack trace, and changes nothing", async () => {
    const before = await changes();
    const cases: [string, Promise<{ status: number; text: string }>, number, string][] = [
      ["rating 5", client.request("POST", "/api/review/grade", { json: grade({ rating: 5 }) }).then((r) => ({ status: r.status, text: JSON.stringify(r.body) })), 422, "validation_failed"],
      ["rating 0", client.request("POST", "/api/review/grade", { json: grade({ rating: 0 }) }).then((r) => ({ status: r.status, text: JSON.stringify(r.body) })), 422, "validation_failed"],
      ["an unknown card", client.request("POST", "/api/review/grade", { json: grade({ cardId: "no-such-card" }) }).then((r) => ({ status: r.status, text: JSON.stringify(r.body) })), 404, "not_found"],
      ["another user's private card", client.request("POST", "/api/review/grade", { json: grade({ cardId: hiddenCardId }) }).then((r) => ({ status: r.status, text: JSON.stringify(r.body) })), 404, "not_found"],
      ["a body that is not JSON", raw(`{"cardId": `, { "content-type": "application/json" }), 400, "invalid_json"],
      ["a form body", raw("rating=3", { "content-type": "application/x-www-form-urlencoded" }), 415, "unsupported_media_type"],
      ["an oversized body", raw(JSON.stringify(grade({ pad: "x".repeat(8000) })), { "content-type": "application/json" }), 413, "payload_too_large"],
    ];
    for (const [what, pending, status, code] of cases) {
      const res = await pending;
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(JSON.parse(res.text).error.code, what).toBe(code);
      expect(res.text, what).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    expect(await changes()).toEqual(before);
  });

  it("answers 401 without a session and 405 to other methods", async () => {
    const anonymous = await fetch(`${app.baseUrl}/api/review/grade`, { method: "POST", body: JSON.stringify(grade()), headers: { "content-type": "application/json" } });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    const get = await raw("", {}, "GET");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("applies a grade once; its retry answers the first result; a stale version gets 409", async () => {
    const body = grade();
    const first = await client.request<GradeResponse>("POST", "/api/review/grade", { json: body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ cardId, version: 1, replayed: false });
    const retry = await client.request<GradeResponse>("POST", "/api/review/grade", { json: body });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    const stale = await client.request<{ error: { code: string }; current: { version: number } }>("POST", "/api/review/grade", { json: grade() });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(1);
    expect(await t.prisma.reviewLog.count({ where: { cardId } })).toBe(1);
  });

  it("sends the app's security headers and is never cached", async () => {
    const res = await raw(JSON.stringify(grade({ rating: 9 })), { "content-type": "application/json" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

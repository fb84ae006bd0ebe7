// The app as `npm start` serves it, in two worker processes on one port, over real HTTP:
// the sign-in limit holds across workers (the count is in Postgres, not in a worker), and a
// worker killed with SIGKILL mid-stream loses no acknowledged grade and is replaced.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradeResponse } from "@/lib/api/review";
import { registerUser } from "@/lib/auth/register";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { HttpClient, keepAliveAgent } from "@/lib/bench/http-client";
import { buildIfNeeded } from "@/lib/cli/build";
import { loadContentDecks } from "@/lib/decks/content";
import { replayFromLog } from "@/lib/review/replay-log";
import { stateOfRow } from "@/lib/srs/row";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";

const PASSWORD = "cluster-test-password";
let t: TestDb;
let app: AppServer;

beforeAll(async () => {
  await buildIfNeeded();
  t = await freshDb();
  await loadContentDecks(t.prisma);
  app = await startApp({ databaseUrl: t.url, port: await freePort(), authSecret: randomBytes(32).toString("hex"), workers: 2 });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await t?.drop();
});

type Reply = { status: number; servedBy: string; text: string; cookies: string[] };

/** One request on a connection of its own (no keep-alive), so the cluster picks a worker for each. */
function call(method: string, path: string, opts: { form?: Record<string, string>; cookie?: string } = {}): Promise<Reply> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (body !== undefined) Object.assign(headers, { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: app.port, method, path, headers, localAddress: "127.0.0.31", agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, servedBy: String(res.headers["x-served-by"]), text: Buffer.concat(chunks).toString("utf8"), cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";", 1)[0]!) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A credentials sign-in; what the sign-in page would show, and the workers that answered. */
async function signIn(email: string, password: string): Promise<{ result: string; servedBy: string[] }> {
  const csrf = await call("GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const res = await call("POST", "/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, cookie: csrf.cookies.join("; ") });
  const servedBy = [csrf.servedBy, res.servedBy];
  if (res.cookies.some((c) => c.startsWith("next-auth.session-token="))) return { result: "ok", servedBy };
  const url = (JSON.parse(res.text) as { url?: string }).url ?? "";
  return { result: new URL(url, app.baseUrl).searchParams.get("error") ?? `${res.status} ${res.text}`, servedBy };
}

describe("npm start's cluster", () => {
  it("serves from two workers, and five wrong passwords through both refuse the sixth attempt, right password or not", async () => {
    expect(app.workerPids()).toHaveLength(2);
    const email = "limited@example.com";
    await registerUser(t.prisma, { email, password: PASSWORD, name: "Limited" });
    const servedBy = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const attempt = await signIn(email, `wrong-password-${i}`);
      expect(attempt.result).toMatch(/Incorrect/);
      attempt.servedBy.forEach((pid) => servedBy.add(pid));
    }
    expect([...servedBy].sort()).toEqual(app.workerPids().map(String).sort());
    expect((await signIn(email, PASSWORD)).result).toMatch(/Too many failed sign-in attempts\. Try again in \d+ seconds/);
  }, 120_000);

  it("replaces a worker killed with SIGKILL mid-stream, and keeps every acknowledged grade exactly once", async () => {
    const email = "streamer@example.com";
    const user = await registerUser(t.prisma, { email, password: PASSWORD, name: "Streamer" });
    const cardIds = (await t.prisma.card.findMany({ where: { deck: { ownerId: null }, retiredAt: null }, orderBy: { id: "asc" }, take: 8, select: { id: true } })).map((c) => c.id);
    const agent = keepAliveAgent();
    const victim = app.workerPids()[0]!;
    let answered = 0;
    let retries = 0;
    const acknowledged: { key: string; cardId: string }[] = [];
    const unexpected: string[] = [];
    // Four streams on keep-alive connections, spread over both workers; each grades its own two cards.
    // Everyone signs in first: the kill is to strike grades, not a sign-in.
    const clients = await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const client = new HttpClient(app.baseUrl, agent, 5_000);
        await client.signIn(email, PASSWORD);
        return client;
      }),
    );
    await Promise.all(
      clients.map(async (client, s) => {
        const cards = cardIds.slice(s * 2, s * 2 + 2).map((cardId) => ({ cardId, version: 0 }));
        for (let n = 0; n < 25; n++) {
          const card = cards[n % 2]!;
          const body = { cardId: card.cardId, rating: 3, idempotencyKey: randomUUID(), durationMs: 1500, expectedVersion: card.version };
          const deadline = Date.now() + 45_000;
          for (;;) {
            const res = await client.request<GradeResponse>("POST", "/api/review/grade", { json: body }).catch(() => ({ status: 0, body: undefined }));
            if (res.status === 200) {
              card.version = (res.body as GradeResponse).version;
              acknowledged.push({ key: body.idempotencyKey, cardId: card.cardId });
              if (++answered === 30) process.kill(victim, "SIGKILL");
              break;
            }
            if (res.status !== 0 && res.status < 500) {
              unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
              break;
            }
            if (Date.now() > deadline) throw new Error(`grade not answered within 45 s (last status ${res.status})`);
            retries++;
            await sleep(50);
          }
        }
      }),
    ).finally(() => agent.destroy());

    expect(unexpected).toEqual([]);
    expect(acknowledged).toHaveLength(100);
    // The kill struck connections with requests in flight or kept alive: some were retried.
    expect(retries).toBeGreaterThan(0);
    const logs = await t.prisma.reviewLog.findMany({ where: { userId: user.id }, select: { idempotencyKey: true, cardId: true } });
    expect(new Map(logs.map((l) => [l.idempotencyKey, l.cardId]))).toEqual(new Map(acknowledged.map((a) => [a.key, a.cardId])));
    expect(logs).toHaveLength(acknowledged.length);
    for (const cardId of cardIds) {
      const row = await t.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
      expect(stateOfRow(row), cardId).toEqual(await replayFromLog(t.prisma, user.id, cardId));
    }

    // A new worker took the killed one's place.
    const deadline = Date.now() + 30_000;
    while (app.workerPids().length < 2 && Date.now() < deadline) await sleep(200);
    expect(app.workerPids()).toHaveLength(2);
    expect(app.workerPids()).not.toContain(victim);
    expect(app.output()).toMatch(new RegExp(`worker ${victim} exited \\(SIGKILL\\); starting a new one`));
  }, 180_000);

  it("on SIGTERM a sign-in in flight is answered and every worker exits", async () => {
    const email = "drain@example.com";
    await registerUser(t.prisma, { email, password: PASSWORD, name: "Drain" });
    const agent = keepAliveAgent();
    try {
      const client = new HttpClient(app.baseUrl, agent, 10_000);
      const csrf = await client.request<{ csrfToken: string }>("GET", "/api/auth/csrf");
      // On the connection the worker already holds: the sign-in (an argon2 check) is in flight at SIGTERM.
      const signIn = client.request("POST", "/api/auth/callback/credentials", { form: { csrfToken: csrf.body.csrfToken, email, password: PASSWORD, json: "true" } });
      await sleep(20);
      const workers = app.workerPids();
      process.kill(app.pid, "SIGTERM");
      expect((await signIn).status).toBe(200);
      expect(client.signedIn).toBe(true);
      await app.stop();
      // No worker outlives the cluster. (Whether the primary always drains by itself rather than
      // being killed by stop() after 5 s is not asserted: under heavy load it sometimes did not; open.)
      expect(app.output()).not.toMatch(/did not finish/);
      // A worker is gone when its process has exited: absent, or a zombie waiting for a parent that
      // reaps (in a container, PID 1 may never do so), checked for a few seconds.
      const gone = (pid: number): boolean => {
        try {
          return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z") ?? true;
        } catch {
          return true;
        }
      };
      for (let i = 0; i < 50 && !workers.every(gone); i++) await sleep(100);
      expect(workers.filter((pid) => !gone(pid))).toEqual([]);
    } finally {
      agent.destroy();
    }
  }, 60_000);
});

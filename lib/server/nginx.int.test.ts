// Two app instances on one Postgres behind Debian's nginx (round robin, as any load balancer
// would spread them), over real HTTP: a learner signs in and reviews through nginx with requests
// landing on both instances, and what must hold on one instance holds across two: idempotent
// retries, version conflicts, the quiz clock, the sign-in limit (keyed on the client's address,
// which nginx forwards and the app believes because nginx is in TRUSTED_PROXIES).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/auth/register";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { buildIfNeeded } from "@/lib/cli/build";
import { loadContentDecks } from "@/lib/decks/content";
import { GRACE_SEC } from "@/lib/quiz/clock";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";

const NGINX = [process.env.NGINX_PATH, "/usr/sbin/nginx"].find((p) => p && fs.existsSync(p));
const PASSWORD = "nginx-test-password";
const EMAIL = "learner@example.com";

let t: TestDb;
let apps: AppServer[] = [];
let nginx: ChildProcess | undefined;
let dir: string;
let port: number;

/** nginx in the foreground, as this user, with everything it writes in `dir`. */
function nginxConfig(upstreams: number[]): string {
  const root = process.getuid?.() === 0 ? `user ${os.userInfo().username};` : "";
  return `${root}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream app {
    ${upstreams.map((p) => `server 127.0.0.1:${p};`).join("\n    ")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

beforeAll(async () => {
  if (!NGINX) throw new Error("nginx is not installed: apt-get install nginx (.ci/run does), or set NGINX_PATH");
  await buildIfNeeded();
  t = await freshDb();
  await loadContentDecks(t.prisma);
  await registerUser(t.prisma, { email: EMAIL, password: PASSWORD, name: "Learner" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-nginx-"));
  port = await freePort();
  const authSecret = randomBytes(32).toString("hex");
  // Both instances know their public address (nginx's) and trust nginx's X-Forwarded-For.
  const env = { NEXTAUTH_URL: `http://127.0.0.1:${port}`, TRUSTED_PROXIES: "127.0.0.1" };
  apps = await Promise.all([0, 1].map(async () => startApp({ databaseUrl: t.url, port: await freePort(), authSecret, env })));
  fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(apps.map((a) => a.port)));
  nginx = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { stdio: "ignore" });
  const deadline = Date.now() + 15_000;
  while ((await call("GET", "/api/health").catch(() => undefined))?.status !== 200) {
    if (nginx.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not come up: ${fs.readFileSync(path.join(dir, "error.log"), "utf8")}`);
    await sleep(100);
  }
}, 600_000);

afterAll(async () => {
  nginx?.kill("SIGQUIT");
  await Promise.all(apps.map((a) => a.stop()));
  await t?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

type Reply<T = unknown> = { status: number; body: T; servedBy: string; cookies: string[] };
const agent = new http.Agent({ keepAlive: true });

/** A request to nginx from the loopback address `from` (the client's address nginx forwards). */
function call<T = unknown>(method: string, url: string, opts: { json?: unknown; form?: Record<string, string>; cookie?: string; from?: string } = {}): Promise<Reply<T>> {
  const body = opts.json !== undefined ? JSON.stringify(opts.json) : opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (body !== undefined) {
    headers["content-type"] = opts.json !== undefined ? "application/json" : "application/x-www-form-urlencoded";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: url, headers, localAddress: opts.from ?? "127.0.0.1", agent: opts.from ? false : agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed as T, servedBy: String(res.headers["x-served-by"]), cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";", 1)[0]!) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The app instance (0 or 1) whose worker answered. */
const instanceOf = (reply: Reply) => apps.findIndex((a) => a.workerPids().map(String).includes(reply.servedBy));

async function signIn(email: string, password: string, from = "127.0.0.1"): Promise<{ result: string; cookie: string; instances: number[] }> {
  const csrf = await call<{ csrfToken: string }>("GET", "/api/auth/csrf", { from });
  const res = await call<{ url?: string }>("POST", "/api/auth/callback/credentials", { form: { csrfToken: csrf.body.csrfToken, email, password, json: "true" }, cookie: csrf.cookies.join("; "), from });
  const instances = [instanceOf(csrf), instanceOf(res)];
  const cookies = [...csrf.cookies, ...res.cookies];
  if (cookies.some((c) => c.startsWith("next-auth.session-token="))) return { result: "ok", cookie: cookies.join("; "), instances };
  return { result: new URL(res.body.url ?? "", "http://x").searchParams.get("error") ?? String(res.status), cookie: "", instances };
}

type Question = { id: string; type: string; payload: { items?: { id: string }[] } };
/** A well-formed answer (right or wrong) to any question type. */
const answer = (q: Question) => (q.type === "mcq" ? { choice: 0 } : q.type === "typed-year" ? { text: "1900" } : { order: (q.payload.items ?? []).map((i) => i.id) });

type QueueCard = { cardId: string; version: number };
type Grade = { cardId: string; version: number; reviewId: string; replayed: boolean };

describe("two instances behind nginx", () => {
  it("a learner signs in and reviews through nginx, on both instances; retries replay and stale versions conflict across them", async () => {
    const { result, cookie } = await signIn(EMAIL, PASSWORD);
    expect(result).toBe("ok");
    const queue = await call<{ cards: QueueCard[] }>("GET", "/api/review/queue?limit=6", { cookie });
    expect(queue.status).toBe(200);
    const served = new Set<number>([instanceOf(queue)]);
    for (const card of queue.body.cards) {
      const body = { cardId: card.cardId, rating: 3, idempotencyKey: randomUUID(), durationMs: 1200, expectedVersion: card.version };
      const first = await call<Grade>("POST", "/api/review/grade", { json: body, cookie });
      // The client did not hear the answer and retries: whichever instance gets it replays the first result.
      const retry = await call<Grade>("POST", "/api/review/grade", { json: body, cookie });
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      // A second device still holding the old version is refused, and nothing is written.
      const stale = await call<{ error: { code: string }; current: { version: number } }>("POST", "/api/review/grade", { json: { ...body, idempotencyKey: randomUUID() }, cookie });
      expect(stale.status).toBe(409);
      expect(stale.body.current.version).toBe(first.body.version);
      [first, retry, stale].forEach((r) => served.add(instanceOf(r)));
    }
    expect([...served].sort()).toEqual([0, 1]);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(await t.prisma.reviewLog.count({ where: { userId: user.id } })).toBe(queue.body.cards.length);
  }, 120_000);

  it("keeps the quiz clock on every instance: answers until the deadline plus the grace, then 409 from both", async () => {
    const { cookie } = await signIn(EMAIL, PASSWORD);
    const deck = await t.prisma.deck.findFirstOrThrow({ where: { ownerId: null }, orderBy: { slug: "asc" } });
    const started = await call<{ attempt: { id: string; deadline: string; questions: Question[] } }>("POST", "/api/quiz/attempts", { json: { deckId: deck.id, count: 5, timeLimitSec: 10 }, cookie });
    expect(started.status).toBe(201);
    const { id, deadline, questions } = started.body.attempt;
    const first = await call("POST", `/api/quiz/attempts/${id}/answers`, { json: { questionId: questions[0]!.id, answer: answer(questions[0]!) }, cookie });
    expect(first.status).toBe(200);
    // Answered once: the other instance refuses a second answer to the same question.
    const again = await call("POST", `/api/quiz/attempts/${id}/answers`, { json: { questionId: questions[0]!.id, answer: answer(questions[0]!) }, cookie });
    expect(again.status).toBe(409);
    expect(new Set([instanceOf(first), instanceOf(again)])).toEqual(new Set([0, 1]));
    await sleep(Math.max(0, new Date(deadline).getTime() + GRACE_SEC * 1000 + 500 - Date.now()));
    const late = await Promise.all(questions.slice(1, 3).map((q) => call("POST", `/api/quiz/attempts/${id}/answers`, { json: { questionId: q.id, answer: answer(q) }, cookie })));
    expect(late.map((r) => r.status)).toEqual([409, 409]);
    expect(new Set(late.map(instanceOf))).toEqual(new Set([0, 1]));
    expect(await t.prisma.quizQuestion.count({ where: { attemptId: id, answeredAt: { not: null } } })).toBe(1);
  }, 120_000);

  it("refuses the sixth sign-in from an address after five wrong passwords spread over both instances, but not another address behind nginx", async () => {
    const email = "guessed@example.com";
    await registerUser(t.prisma, { email, password: PASSWORD, name: "Guessed" });
    const instances = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const attempt = await signIn(email, `wrong-password-${i}`, "127.0.0.51");
      expect(attempt.result).toMatch(/Incorrect/);
      attempt.instances.forEach((n) => instances.add(n));
    }
    expect([...instances].sort()).toEqual([0, 1]);
    expect((await signIn(email, PASSWORD, "127.0.0.51")).result).toMatch(/Too many failed sign-in attempts/);
    // nginx is trusted: the limit is on the client's address it forwards, not on nginx's own.
    expect((await signIn(EMAIL, PASSWORD, "127.0.0.52")).result).toBe("ok");
  }, 120_000);
});

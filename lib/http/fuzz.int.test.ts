// A fuzz campaign over every JSON route of docs/api.md, against the production server (`next
// start`) and a real Postgres (issue 12, "A fuzz campaign that stays in the suite"). fast-check
// generates bodies (valid ones with a field replaced, added or dropped, any JSON, raw number
// text such as 1e400, broken JSON), hostile strings (NUL, lone surrogates, right-to-left marks,
// SQL, very long) and path and query parameters, sent as a signed-in student and teacher.
// The property: never a 5xx; every 4xx in the error shape {"error": {"code", "message"}}; and a
// refused request changes nothing in the database (a checksum of every table before and after).
// Seeds are fixed so that a CI failure can be replayed; the total is printed for the report.
import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "@/lib/bench/app-server";
import { HttpClient, keepAliveAgent } from "@/lib/bench/http-client";
import { appWithAccounts } from "@/lib/testing/app-with-accounts";
import type { TestDb } from "@/lib/testing/db";

const PASSWORD = "fuzz-campaign-test-password";
const SEED = 20261203;
/** Generated requests per route: a family (review, quiz, ...) gets this many times its routes. */
const RUNS_PER_ROUTE = 40;

let t: TestDb;
let app: AppServer;
const agent = keepAliveAgent();
let clients: Record<Role, HttpClient>;
let ids: Record<IdKind, string[]>;
let tried = 0;
/** A teacher invitation made by the fixture: its first valid use registers a teacher, later ones are refused. */
let invitation = "";
/** Answers by status, for the report: a campaign answered only 401s would test nothing. */
const statuses = new Map<number, number>();
const serverErrors: string[] = [];

type Role = "student" | "teacher" | "anonymous";
type IdKind = "deck" | "card" | "class" | "assignment" | "attempt" | "question" | "user";

// ---------------------------------------------------------------------------------------------
// JSON values written as text by hand, so that a body can carry what JSON.stringify cannot
// make: `__proto__` as a key (an object literal would set the prototype instead) and number
// text such as 1e400 or 123456789012345678901234567890 that no JS number prints as.

class Raw {
  constructor(readonly text: string) {}
}
class Obj {
  constructor(readonly entries: [string, Val][]) {}
}
type Val = null | boolean | string | Raw | Obj | Val[];

function write(v: Val): string {
  if (v instanceof Raw) return v.text;
  if (v instanceof Obj) return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(",")}}`;
  if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
  // JSON.stringify writes a lone surrogate as its escape ("\ud800"), which JSON.parse restores.
  return JSON.stringify(v);
}

const o = (fields: Record<string, Val>) => new Obj(Object.entries(fields));
const n = (x: number) => new Raw(String(x));

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const HOSTILE = [
  "", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00", "\udbff\udfff", "\u202eevil\u202c", "\u200f\u0627\u0644\u200e", "\ufeff", "😀",
  "' OR '1'='1", "'; DROP TABLE \"User\"; --", "1; SELECT pg_sleep(5)", "%00", "%", "../../etc/passwd", "<script>alert(1)</script>",
  "=HYPERLINK(\"x\")", "null", "undefined", "NaN", "__proto__", "constructor", "STUDENT", "TEACHER", "PUBLISHED", "REVIEW", "QUIZ",
  "DATE", "BASIC", "at-risk", "1922", "1922 AD", "-44", "ABCD-EFGH", "abcd efgh", "Europe/Berlin", "Not/AZone", "1m", "10m", "0m", "99999d",
  "2030-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "2030-02-30T00:00:00Z", "1970-01-01T00:00:00+14:00",
  "00000000-0000-0000-0000-000000000000", "x".repeat(5_000), "\u0645".repeat(70_000),
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE.slice(0, 24)), fc.string({ maxLength: 10 })).map((p) => p.join("")),
);

const NUMBER_TEXT = [
  "1e400", "-1e400", "1e-400", "-0", "0", "0.5", "-1", "1", "2", "3", "4", "5", "100", "7200", "7201", "36500", "36501", "2147483647",
  "2147483648", "-2147483649", "9007199254740993", "123456789012345678901234567890", "1.7976931348623157e308", "5e-324", "1E3", "0.0000001",
];
const numberText: fc.Arbitrary<Raw> = fc.oneof(
  fc.constantFrom(...NUMBER_TEXT).map((s) => new Raw(s)),
  fc.integer().map(n),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(n),
);

const KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "id", "userId", "role", "ownerId", "version", "score", ""];
const hostileKey = fc.oneof(fc.constantFrom(...KEYS), hostileString.filter((s) => s.length < 100));

const scalar: fc.Arbitrary<Val> = fc.oneof(hostileString, numberText, fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<Val> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, scalar), { maxLength: 4 }).map((e) => new Obj(e)) },
);

const BROKEN = ["", "{", "[", "{\"a\":}", "{'a': 1}", "{\"a\":1,}", "NaN", "undefined", "\u0000", "1e400", "[]", "null", "\"str\"", "true",
  "{\"__proto__\":{\"role\":\"TEACHER\"}}", `${"[".repeat(20_000)}${"]".repeat(20_000)}`, `{"a":${"{\"a\":".repeat(3_000)}1${"}".repeat(3_000)}}`];

/** Every position in a template: the path of keys and indexes to it. */
function positions(v: Val, at: (string | number)[] = []): (string | number)[][] {
  if (v instanceof Obj) return [at, ...v.entries.flatMap(([k, x]) => positions(x, [...at, k]))];
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => positions(x, [...at, i]))];
  return [at];
}

/** A copy of `v` with the value at `path` given to `change` (undefined drops it). */
function alter(v: Val, path: (string | number)[], change: (old: Val) => Val | undefined): Val | undefined {
  if (path.length === 0) return change(v);
  const [head, ...rest] = path;
  if (v instanceof Obj) {
    const entries: [string, Val][] = [];
    for (const [k, x] of v.entries) {
      const next = k === head ? alter(x, rest, change) : x;
      if (next !== undefined) entries.push([k, next]);
    }
    return new Obj(entries);
  }
  if (Array.isArray(v)) return v.flatMap((x, i) => (i === head ? [alter(x, rest, change)].filter((y): y is Val => y !== undefined) : [x]));
  return v;
}

/** Bodies near a valid `template` (one thing changed), or any JSON, or no JSON at all. */
function bodyArb(template: Val): fc.Arbitrary<{ text: string; how: string }> {
  const where = fc.constantFrom(...positions(template));
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(where, value).map(([p, x]) => ({ text: write(alter(template, p, () => x) ?? null), how: `set ${p.join(".")}` })) },
    {
      weight: 2,
      arbitrary: fc.tuple(where, hostileKey, value).map(([p, k, x]) => ({
        text: write(alter(template, p, (old) => (old instanceof Obj ? new Obj([[k, x], ...old.entries]) : old)) ?? null),
        how: `add key at ${p.join(".")}`,
      })),
    },
    { weight: 1, arbitrary: where.map((p) => ({ text: write(alter(template, p, () => undefined) ?? null), how: `drop ${p.join(".")}` })) },
    { weight: 1, arbitrary: value.map((x) => ({ text: write(x), how: "any JSON" })) },
    { weight: 1, arbitrary: fc.constantFrom(...BROKEN).map((text) => ({ text, how: "broken JSON" })) },
  );
}

// Path parameters: real ids (of either user), fresh UUIDs, hostile text. A lone surrogate
// has no UTF-8 form, so it cannot be written in a URL at all (and Next.js answers its would-be
// bytes with its own 400 before any route runs, see http-boundary.int.test.ts): left out.
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const pathText = hostileString.filter((s) => s.length > 0 && s.length <= 1_000 && !LONE.test(s));
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/\./g, "%2E");
function paramArb(kind: IdKind): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids[kind]).map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(ids).flat()).map(encodeSegment) },
    { weight: 1, arbitrary: fc.uuid().map(encodeSegment) },
    { weight: 3, arbitrary: pathText.map(encodeSegment) },
  );
}

// ---------------------------------------------------------------------------------------------
// The routes of docs/api.md. `{x}` in a path is a parameter of id kind `x`; `body` is a valid
// (or nearly valid) body for it, built from the fixture's ids.

type Route = { family: string; method: string; path: string; body?: () => Val; query?: () => fc.Arbitrary<string> };

const uuidLike = (kind: IdKind) => ids[kind][0]!;
const card = (kind: string) =>
  kind === "DATE" ? o({ kind, subject: "Treaty", prompt: "When?", answer: "1919", date: o({ year: n(1919), month: n(6), day: n(28) }) })
  : kind === "PARTIES" ? o({ kind, subject: "Treaty", prompt: "Who?", answer: "A and B", parties: ["A", "B"], citation: "Ref" })
  : o({ kind: "BASIC", prompt: "Front", answer: "Back", quote: "A quote." });

const ROUTES: Route[] = [
  { family: "accounts", method: "POST", path: "/api/register", body: () => o({ email: "fuzz@example.com", password: "0123456789ab", name: "Fuzz", role: "STUDENT" }) },
  { family: "accounts", method: "POST", path: "/api/register", body: () => o({ email: "fuzz-teacher@example.com", password: "0123456789ab", name: "Fuzz", role: "TEACHER", invitation }) },
  { family: "accounts", method: "POST", path: "/api/teacher-invitations" },
  { family: "accounts", method: "GET", path: "/api/account" },
  { family: "accounts", method: "PATCH", path: "/api/account", body: () => o({ name: "Renamed", email: "fuzz-renamed@example.com" }) },
  // A wrong current password (the fuzz's requests ignore renewed cookies, so a real change would sign its client out).
  { family: "accounts", method: "PUT", path: "/api/account/password", body: () => o({ currentPassword: "not-the-password", newPassword: "another-password-1" }) },
  { family: "accounts", method: "POST", path: "/api/password-reset", body: () => o({ token: "A".repeat(43), password: "another-password-1" }) },
  { family: "accounts", method: "POST", path: "/api/password-reset/request", body: () => o({ email: "sam@example.com" }) },
  { family: "review", method: "GET", path: "/api/stats", query: () => fc.oneof(fc.constant(""), fc.oneof(fc.constantFrom(...ids.deck), pathText).map((d) => `?deck=${encodeURIComponent(d)}`)) },
  { family: "accounts", method: "GET", path: "/api/health" },
  { family: "accounts", method: "GET", path: "/api/settings" },
  { family: "accounts", method: "PUT", path: "/api/settings", body: () => o({ desiredRetention: n(0.9), maximumIntervalDays: n(365), learningSteps: ["1m", "10m"], relearningSteps: ["10m"], newPerDay: n(20), reviewsPerDay: n(200), timezone: "Europe/Berlin", rolloverHour: n(4) }) },
  { family: "review", method: "GET", path: "/api/review/queue", query: () => fc.tuple(fc.oneof(fc.constantFrom(...ids.deck), pathText), fc.oneof(numberText.map((r) => r.text), pathText)).map(([d, l]) => `?deck=${encodeURIComponent(d)}&limit=${encodeURIComponent(l)}`) },
  { family: "review", method: "POST", path: "/api/review/grade", body: () => o({ cardId: uuidLike("card"), rating: n(3), idempotencyKey: "fuzz-key-0001", durationMs: n(4000), expectedVersion: n(0) }) },
  { family: "review", method: "POST", path: "/api/review/undo", body: () => o({ cardId: uuidLike("card") }) },
  { family: "review", method: "GET", path: "/api/cards/{card}/history" },
  { family: "review", method: "PATCH", path: "/api/cards/{card}/controls", body: () => o({ suspended: true, buried: false }) },
  { family: "review", method: "POST", path: "/api/cards/{card}/flag", body: () => o({ reason: "other", note: "The date is wrong." }) },
  { family: "review", method: "GET", path: "/api/review/suspended", query: () => fc.oneof(fc.constant(""), fc.oneof(fc.constantFrom(...ids.deck), pathText).map((d) => `?deck=${encodeURIComponent(d)}`)) },
  { family: "decks", method: "GET", path: "/api/decks/{deck}/flags" },
  { family: "review", method: "GET", path: "/api/decks" },
  { family: "review", method: "GET", path: "/api/decks/{deck}" },
  { family: "quiz", method: "POST", path: "/api/quiz/attempts", body: () => o({ deckId: uuidLike("deck"), count: n(5), timeLimitSec: n(600) }) },
  { family: "quiz", method: "POST", path: "/api/quiz/attempts", body: () => o({ source: "at-risk", count: n(5), timeLimitSec: n(600) }) },
  { family: "quiz", method: "POST", path: "/api/quiz/attempts", body: () => o({ assignmentId: uuidLike("assignment") }) },
  { family: "quiz", method: "GET", path: "/api/quiz/attempts" },
  { family: "quiz", method: "GET", path: "/api/quiz/attempts/{attempt}" },
  { family: "quiz", method: "POST", path: "/api/quiz/attempts/{attempt}/answers", body: () => o({ questionId: uuidLike("question"), answer: o({ choice: n(1) }) }) },
  { family: "quiz", method: "POST", path: "/api/quiz/attempts/{attempt}/answers", body: () => o({ questionId: ids.question.at(-1)!, answer: o({ text: "1922" }) }) },
  { family: "quiz", method: "POST", path: "/api/quiz/attempts/{attempt}/answers", body: () => o({ questionId: ids.question[1] ?? uuidLike("question"), answer: o({ order: ["a", "b", "c", "d"] }) }) },
  { family: "quiz", method: "POST", path: "/api/quiz/attempts/{attempt}/submit" },
  { family: "quiz", method: "GET", path: "/api/quiz/attempts/{attempt}/results" },
  { family: "classes", method: "POST", path: "/api/classes", body: () => o({ name: "History 10A" }) },
  { family: "classes", method: "GET", path: "/api/classes" },
  { family: "classes", method: "PATCH", path: "/api/classes/{class}", body: () => o({ name: "History 9B", archived: false }) },
  { family: "classes", method: "POST", path: "/api/classes/join", body: () => o({ code: "ABCD-EFGH" }) },
  { family: "classes", method: "POST", path: "/api/classes/{class}/leave" },
  { family: "classes", method: "DELETE", path: "/api/classes/{class}/students/{user}" },
  { family: "classes", method: "POST", path: "/api/classes/{class}/code" },
  { family: "classes", method: "POST", path: "/api/classes/{class}/students/{user}/reset-link" },
  { family: "assignments", method: "POST", path: "/api/assignments", body: () => o({ kind: "REVIEW", classId: uuidLike("class"), deckId: ids.deck[1]!, dueAt: "2030-01-01T00:00:00Z", targetRecall: n(0.9) }) },
  { family: "assignments", method: "POST", path: "/api/assignments", body: () => o({ kind: "QUIZ", classId: uuidLike("class"), deckId: ids.deck[1]!, count: n(5), timeLimitSec: n(600), attempts: n(3), opensAt: "2026-01-01T00:00:00Z", closesAt: "2030-01-01T00:00:00Z" }) },
  { family: "assignments", method: "GET", path: "/api/assignments" },
  { family: "assignments", method: "PATCH", path: "/api/assignments/{assignment}", body: () => o({ dueAt: "2030-01-01T00:00:00Z", targetRecall: n(0.8), count: n(6), timeLimitSec: n(700), attempts: n(4), opensAt: "2026-01-01T00:00:00Z", closesAt: "2030-06-01T00:00:00Z" }) },
  { family: "assignments", method: "DELETE", path: "/api/assignments/{assignment}" },
  { family: "assignments", method: "PUT", path: "/api/assignments/{assignment}/accommodations/{user}", body: () => o({ timeFactor: n(1.5), extendedDueAt: "2030-02-01T00:00:00Z" }) },
  { family: "assignments", method: "GET", path: "/api/assignments/{assignment}/progress" },
  { family: "assignments", method: "GET", path: "/api/assignments/{assignment}/progress.csv" },
  { family: "assignments", method: "GET", path: "/api/assignments/{assignment}/cards" },
  { family: "assignments", method: "GET", path: "/api/assignments/{assignment}/item-analysis" },
  { family: "assignments", method: "GET", path: "/api/assignments/{assignment}/calibration" },
  { family: "assignments", method: "GET", path: "/api/assignments/{assignment}/exam-plan" },
  { family: "assignments", method: "PUT", path: "/api/assignments/{assignment}/exam-mode" },
  { family: "assignments", method: "DELETE", path: "/api/assignments/{assignment}/exam-mode" },
  { family: "decks", method: "POST", path: "/api/decks/import/preview", body: () => o({ name: "doc.md", text: "The Treaty of Versailles was signed on 28 June 1919 by Germany and the Allies." }) },
  { family: "decks", method: "POST", path: "/api/decks/import/csv/preview", body: () => o({ name: "cards.csv", text: "front,back,kind\r\nWhen?,1919,date\r\n" }) },
  { family: "decks", method: "POST", path: "/api/decks", body: () => o({ title: "Fuzz deck", document: o({ name: "doc.md", text: "The war ended in 1918." }), cards: [card("DATE"), o({ kind: "TERM", subject: "Armistice", prompt: "Armistice?", answer: "An end to fighting", start: n(0), end: n(22) })] }) },
  { family: "decks", method: "PATCH", path: "/api/decks/{deck}", body: () => o({ title: "Renamed deck", status: "PUBLISHED" }) },
  { family: "decks", method: "POST", path: "/api/decks/{deck}/cards", body: () => o({ cards: [card("PARTIES"), card("BASIC")] }) },
  { family: "decks", method: "PATCH", path: "/api/decks/{deck}/cards/{card}", body: () => o({ subject: "S", prompt: "P", answer: "A", date: o({ year: n(1920) }), parties: ["A", "B"] }) },
  { family: "decks", method: "DELETE", path: "/api/decks/{deck}/cards/{card}" },
  { family: "decks", method: "GET", path: "/api/decks/{deck}/export.csv" },
  { family: "decks", method: "GET", path: "/api/decks/{deck}/export.apkg" },
];

// ---------------------------------------------------------------------------------------------
// Sending, checking.

type Answer = { status: number; type: string; text: string };

/** node:http, so the path reaches the server exactly as written (fetch would normalise %2E%2E). */
function send(role: Role, method: string, path: string, body?: string): Promise<Answer> {
  const url = new URL(app.baseUrl);
  const headers: Record<string, string> = { accept: "application/json" };
  const cookie = role === "anonymous" ? "" : clients[role].cookieHeader;
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

// Not RateLimit: a refused password check is counted there on purpose (lib/auth/rate-limit.ts).
const TABLES = [
  "User", "Source", "Deck", "Card", "CardState", "ReviewLog", "Class", "Enrollment", "Assignment", "Accommodation", "QuizAttempt", "QuizQuestion",
  "PasswordResetToken", "TeacherInvitation",
];

/** Every row of every table, hashed: any insert, update or delete changes it. */
async function checksum(): Promise<string> {
  const parts = TABLES.map((name) => `(SELECT count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') FROM "${name}" x)`);
  const rows = await t.prisma.$queryRawUnsafe<{ sum: string }[]>(`SELECT concat_ws('|', ${parts.join(", ")}) AS sum`);
  return rows[0]!.sum;
}

function isErrorShape(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === "string" && typeof body.error.message === "string" && body.error.message.length > 0;
  } catch {
    return false;
  }
}

/** One request with the property checked: what went wrong (or null), and the status. */
async function probe(role: Role, method: string, path: string, body: string | undefined, how: string): Promise<{ problem: string | null; status: number }> {
  tried++;
  const before = await checksum();
  const res = await send(role, method, path, body);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const what = `${role} ${method} ${path.slice(0, 200)} (${how}) body ${JSON.stringify((body ?? "").slice(0, 300))} -> ${res.status} ${res.text.slice(0, 300)}`;
  const answer = (problem: string | null) => ({ problem, status: res.status });
  if (res.status >= 500) {
    serverErrors.push(what);
    return answer(`5xx: ${what}`);
  }
  if (res.status >= 400) {
    if (!isErrorShape(res.text)) return answer(`not the error shape: ${what}`);
    if ((await checksum()) !== before) return answer(`refused, but the database changed: ${what}`);
  }
  return answer(null);
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => params[k]!);
}

function requestArb(route: Route): fc.Arbitrary<{ role: Role; path: string; body?: { text: string; how: string } }> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as IdKind);
  const params = fc.tuple(...names.map(paramArb)).map((vals) => Object.fromEntries(names.map((k, i) => [k, vals[i]!])));
  const role = fc.constantFrom<Role>("student", "teacher", "student", "teacher", "anonymous");
  const query = route.query ? route.query() : fc.constant("");
  const body = route.body ? bodyArb(route.body()) : fc.constant(undefined);
  return fc.record({ role, params, query, body }).map(({ role: r, params: p, query: q, body: b }) => ({ role: r, path: fill(route.path, p) + q, body: b }));
}

async function campaign(family: string, seed: number): Promise<void> {
  const routes = ROUTES.filter((r) => r.family === family);
  const arb = fc.constantFrom(...routes).chain((route) => requestArb(route).map((req) => ({ route, ...req })));
  await fc.assert(
    fc.asyncProperty(arb, async ({ route, role, path, body }) => {
      const { problem } = await probe(role, route.method, path, body?.text, body?.how ?? "no body");
      expect(problem).toBeNull();
    }),
    // Shrinking replays requests against a server whose state the failure may have changed,
    // so a few steps are enough to see the smallest input.
    { seed, numRuns: RUNS_PER_ROUTE * routes.length, endOnFailure: true },
  );
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const started = await appWithAccounts(agent, PASSWORD);
  ({ t, app } = started);
  clients = { student: started.student, teacher: started.teacher, anonymous: new HttpClient(app.baseUrl, agent) };
  const [tina, sam] = [{ id: started.teacherId }, { id: started.studentId }];

  // The fixture, made through the API: a class the student is in, a published deck of the
  // teacher's with a quiz and a review assignment, and a running quiz attempt of the student.
  const { teacher, student } = clients;
  const empty = await checksum();
  const cls = await teacher.request<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", { json: { name: "History 9B" } });
  expect(cls.status).toBe(201);
  // The checksum sees a write (else "nothing changed on a refusal" would prove nothing).
  expect(await checksum()).not.toBe(empty);
  expect((await student.request("POST", "/api/classes/join", { json: { code: cls.body.class.joinCode } })).status).toBe(201);
  const cards = [
    { kind: "DATE", subject: "Versailles", prompt: "When was Versailles signed?", answer: "1919", date: { year: 1919 } },
    { kind: "DATE", subject: "Locarno", prompt: "When was Locarno signed?", answer: "1925", date: { year: 1925 } },
    { kind: "DATE", subject: "Lausanne", prompt: "When was Lausanne signed?", answer: "1923", date: { year: 1923 } },
    // Five subjects a quiz can ask: the fixture's quiz assignment asks for 5 (a deck that supplies fewer is refused).
    { kind: "DATE", subject: "Trianon", prompt: "When was Trianon signed?", answer: "1920", date: { year: 1920 } },
    { kind: "DATE", subject: "Rapallo", prompt: "When was Rapallo signed?", answer: "1922", date: { year: 1922 } },
    { kind: "PARTIES", subject: "Rapallo", prompt: "Who signed Rapallo?", answer: "Germany and Russia", parties: ["Germany", "Soviet Russia"] },
    { kind: "TERM", subject: "Armistice", prompt: "What is an armistice?", answer: "An agreement to stop fighting" },
  ];
  const deck = await teacher.request<{ deck: { id: string } }>("POST", "/api/decks", { json: { title: "Interwar treaties", cards } });
  expect(deck.status).toBe(201);
  expect((await teacher.request("PATCH", `/api/decks/${deck.body.deck.id}`, { json: { status: "PUBLISHED" } })).status).toBe(200);
  const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const quiz = await teacher.request<{ assignment: { id: string } }>("POST", "/api/assignments", {
    json: { kind: "QUIZ", classId: cls.body.class.id, deckId: deck.body.deck.id, count: 5, timeLimitSec: 3600, attempts: 20, opensAt: soon(-1), closesAt: soon(7) },
  });
  expect(quiz.status).toBe(201);
  const review = await teacher.request<{ assignment: { id: string } }>("POST", "/api/assignments", {
    json: { kind: "REVIEW", classId: cls.body.class.id, deckId: deck.body.deck.id, dueAt: soon(7), targetRecall: 0.9 },
  });
  expect(review.status).toBe(201);
  const invited = await teacher.request<{ invitation: { url: string } }>("POST", "/api/teacher-invitations");
  expect(invited.status).toBe(201);
  invitation = invited.body.invitation.url.split("#invite=")[1]!;
  const curated = await t.prisma.deck.findFirstOrThrow({ where: { ownerId: null }, orderBy: { slug: "asc" } });
  const attempt = await student.request<{ attempt: { id: string; questions: { id: string }[] } }>("POST", "/api/quiz/attempts", {
    json: { deckId: curated.id, count: 5, timeLimitSec: 7200 },
  });
  expect(attempt.status).toBe(201);
  const teacherCards = await t.prisma.card.findMany({ where: { deckId: deck.body.deck.id }, orderBy: { position: "asc" }, select: { id: true } });
  const curatedCard = await t.prisma.card.findFirstOrThrow({ where: { deckId: curated.id }, orderBy: { id: "asc" } });
  ids = {
    deck: [curated.id, deck.body.deck.id],
    card: [curatedCard.id, ...teacherCards.map((c) => c.id)],
    class: [cls.body.class.id],
    assignment: [quiz.body.assignment.id, review.body.assignment.id],
    attempt: [attempt.body.attempt.id],
    question: attempt.body.attempt.questions.map((q) => q.id),
    user: [sam.id, tina.id],
  };
}, 600_000);

afterAll(async () => {
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(", ");
  console.log(`fuzz campaign: ${tried} requests tried (${byStatus}), ${serverErrors.length} server errors`);
  agent.destroy();
  await app?.stop();
  await t?.drop();
});

describe("fuzz campaign over every JSON route (issue 12)", () => {
  it("unknown fields, __proto__ and constructor included, answer 422 on every body route and change nothing", async () => {
    const problems: string[] = [];
    // Without SMTP (as here) the reset request answers 404 before it reads its body.
    for (const route of ROUTES.filter((r) => r.body && r.path !== "/api/password-reset/request")) {
      const params: Record<string, string> = { attempt: ids.attempt[0]!, class: ids.class[0]!, deck: ids.deck[1]!, card: ids.card[1]!, assignment: ids.assignment[0]!, user: ids.user[0]! };
      const teacherRoute = ["classes", "assignments", "decks"].includes(route.family) && route.path !== "/api/classes/join";
      const role: Role = route.path === "/api/register" ? "anonymous" : teacherRoute ? "teacher" : "student";
      const valid = write(route.body!()).slice(1);
      for (const extra of [`"__proto__":{"role":"TEACHER"}`, `"__proto__":null`, `"constructor":{"prototype":{}}`, `"surplus":1`]) {
        const { problem, status } = await probe(role, route.method, fill(route.path, params), `{${extra},${valid}`, `extra ${extra}`);
        // Only 422 says the schema saw the unknown field (a 404 or 409 would hide it).
        if (problem || status !== 422) problems.push(problem ?? `${role} ${route.method} ${route.path} with ${extra}: ${status}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  for (const [i, family] of ["accounts", "review", "quiz", "classes", "assignments", "decks"].entries()) {
    it(`${family}: generated bodies, strings, numbers and path parameters never give a 5xx; refusals are in the error shape and write nothing`, async () => {
      await campaign(family, SEED + i);
    }, 300_000);
  }
});

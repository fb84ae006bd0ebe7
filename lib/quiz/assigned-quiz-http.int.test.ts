// An assigned quiz over real HTTP against the production server and Postgres (issue 12,
// "Quizzes"): while a student's attempt runs, its deck's answers are not readable by that
// student (deck, review queue, card history), and are again once it ends; a teacher moving
// the closing time earlier shortens the running attempt; a student removed from the class
// can no longer answer it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "@/lib/bench/app-server";
import { HttpClient, keepAliveAgent } from "@/lib/bench/http-client";
import { registerUser } from "@/lib/auth/register";
import { appWithAccounts } from "@/lib/testing/app-with-accounts";
import type { TestDb } from "@/lib/testing/db";
import { GRACE_SEC } from "./clock";

const PASSWORD = "assigned-quiz-test-password";

let t: TestDb;
let app: AppServer;
let teacher: HttpClient;
const agent = keepAliveAgent();
let deckId: string;
let otherDeckId: string;

beforeAll(async () => {
  ({ t, app, teacher } = await appWithAccounts(agent, PASSWORD));
  deckId = (await t.prisma.deck.findUniqueOrThrow({ where: { slug: "soviet-union-metapedia" } })).id;
  otherDeckId = (await t.prisma.deck.findFirstOrThrow({ where: { ownerId: null, id: { not: deckId } } })).id;
}, 600_000);

afterAll(async () => {
  agent.destroy();
  await app?.stop();
  await t?.drop();
});

type Question = { id: string; type: string; payload: { items?: { id: string }[] } };
type Attempt = { id: string; deadline: string; questions: Question[] };

/** An answer of the right shape for the question (right or wrong does not matter here). */
const someAnswer = (q: Question) => (q.type === "mcq" ? { choice: 0 } : q.type === "typed-year" ? { text: "1922" } : { order: (q.payload.items ?? []).map((i) => i.id) });

async function newStudent(name: string): Promise<{ id: string; client: HttpClient }> {
  const email = `${name}-${randomBytes(4).toString("hex")}@example.com`;
  const user = await registerUser(t.prisma, { email, password: PASSWORD, name });
  const client = new HttpClient(app.baseUrl, agent);
  await client.signIn(email, PASSWORD);
  return { id: user.id, client };
}

/** A class of these students (joined by code) with a quiz on the Soviet Union deck closing at `closesAt`. */
async function classQuiz(students: HttpClient[], closesAt = new Date(Date.now() + 3600_000)) {
  const cls = await teacher.request<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", { json: { name: `Quiz ${randomBytes(3).toString("hex")}` } });
  expect(cls.status).toBe(201);
  for (const s of students) expect((await s.request("POST", "/api/classes/join", { json: { code: cls.body.class.joinCode } })).status).toBe(201);
  const a = await teacher.request<{ assignment: { id: string } }>("POST", "/api/assignments", {
    json: { kind: "QUIZ", classId: cls.body.class.id, deckId, count: 5, timeLimitSec: 600, attempts: 3, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: closesAt.toISOString() },
  });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  return { classId: cls.body.class.id, assignmentId: a.body.assignment.id };
}

async function start(student: HttpClient, assignmentId: string): Promise<Attempt> {
  const res = await student.request<{ attempt: Attempt }>("POST", "/api/quiz/attempts", { json: { assignmentId } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.attempt;
}

/** What the student can read of the deck: the deck, its review queue, one card's history, and whether that card is in the all-decks queue. */
async function readable(student: HttpClient, cardId: string) {
  const allQueue = await student.request<{ cards: { cardId: string }[] }>("GET", "/api/review/queue?limit=200");
  return {
    deck: (await student.request("GET", `/api/decks/${deckId}`)).status,
    deckQueue: (await student.request("GET", `/api/review/queue?deck=${deckId}&limit=5`)).status,
    history: (await student.request("GET", `/api/cards/${cardId}/history`)).status,
    inQueue: allQueue.body.cards.some((c) => c.cardId === cardId),
  };
}

describe("while an assigned attempt runs", () => {
  it("its deck's answers are not readable by that student (deck, queue, card history), only by others, and are again after the submit", async () => {
    const [sky, sol] = [await newStudent("sky"), await newStudent("sol")];
    // Sky studied a card of the deck: failed, it is in today's learning queue.
    const queue = await sky.client.request<{ cards: { cardId: string; version: number }[] }>("GET", `/api/review/queue?deck=${deckId}&limit=1`);
    const cardId = queue.body.cards[0]!.cardId;
    const graded = await sky.client.request("POST", "/api/review/grade", { json: { cardId, rating: 1, idempotencyKey: `hide-${randomBytes(6).toString("hex")}`, durationMs: 3000, expectedVersion: queue.body.cards[0]!.version } });
    expect(graded.status).toBe(200);
    expect(await readable(sky.client, cardId)).toEqual({ deck: 200, deckQueue: 200, history: 200, inQueue: true });

    const { assignmentId } = await classQuiz([sky.client, sol.client]);
    const attempt = await start(sky.client, assignmentId);
    expect(await readable(sky.client, cardId)).toEqual({ deck: 409, deckQueue: 409, history: 409, inQueue: false });
    const refusal = await sky.client.request<{ error: { code: string; message: string }; hiddenUntil: string }>("GET", `/api/decks/${deckId}`);
    expect(refusal.body.error.code).toBe("conflict");
    expect(Date.parse(refusal.body.hiddenUntil)).toBe(Date.parse(attempt.deadline) + GRACE_SEC * 1000);
    // Another deck, and another student of the class: unaffected.
    expect((await sky.client.request("GET", `/api/decks/${otherDeckId}`)).status).toBe(200);
    expect((await sol.client.request("GET", `/api/decks/${deckId}`)).status).toBe(200);
    // The deck page says why instead of showing the cards.
    const page = await fetch(`${app.baseUrl}/decks/${deckId}`, { headers: { cookie: sky.client.cookieHeader } });
    const html = await page.text();
    expect(html).toContain("Your quiz on this deck is running");
    expect(html).not.toContain("Search cards");

    expect((await sky.client.request("POST", `/api/quiz/attempts/${attempt.id}/submit`)).status).toBe(200);
    expect(await readable(sky.client, cardId)).toEqual({ deck: 200, deckQueue: 200, history: 200, inQueue: true });
  });
});

describe("a teacher moving the closing time earlier", () => {
  it("shortens the running attempt: its deadline becomes the new closing time, and answers stop at it plus the grace", async () => {
    const sid = await newStudent("sid");
    const { assignmentId } = await classQuiz([sid.client]);
    const attempt = await start(sid.client, assignmentId);
    expect(Date.parse(attempt.deadline) - Date.now()).toBeGreaterThan(500_000);
    const closesAt = new Date(Date.now() + 2_000);
    const patched = await teacher.request("PATCH", `/api/assignments/${assignmentId}`, { json: { closesAt: closesAt.toISOString() } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const now = await sid.client.request<{ attempt: Attempt }>("GET", `/api/quiz/attempts/${attempt.id}`);
    expect(Date.parse(now.body.attempt.deadline)).toBe(closesAt.getTime());
    await new Promise((r) => setTimeout(r, closesAt.getTime() + GRACE_SEC * 1000 + 500 - Date.now()));
    const q = attempt.questions[0]!;
    const late = await sid.client.request("POST", `/api/quiz/attempts/${attempt.id}/answers`, { json: { questionId: q.id, answer: someAnswer(q) } });
    expect(late.status).toBe(409);
    expect((await t.prisma.quizQuestion.findUniqueOrThrow({ where: { id: q.id } })).answeredAt).toBeNull();
    // The attempt ended then for the teacher too: the progress view counts it as finished.
    const progress = await teacher.request<{ students: { userId: string; quizLast: number | null }[] }>("GET", `/api/assignments/${assignmentId}/progress`);
    expect(progress.body.students.find((s) => s.userId === sid.id)?.quizLast).toBe(0);
  }, 60_000);
});

describe("a student removed from the class", () => {
  it("can no longer answer the class's attempt (409, nothing stored), and can still submit it", async () => {
    const sal = await newStudent("sal");
    const { classId, assignmentId } = await classQuiz([sal.client]);
    const attempt = await start(sal.client, assignmentId);
    const q = attempt.questions[0]!;
    expect((await teacher.request("DELETE", `/api/classes/${classId}/students/${sal.id}`)).status).toBe(200);
    const refused = await sal.client.request<{ error: { message: string } }>("POST", `/api/quiz/attempts/${attempt.id}/answers`, { json: { questionId: q.id, answer: someAnswer(q) } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/no longer in the class/);
    expect((await t.prisma.quizQuestion.findUniqueOrThrow({ where: { id: q.id } })).answeredAt).toBeNull();
    expect((await sal.client.request("POST", `/api/quiz/attempts/${attempt.id}/submit`)).status).toBe(200);
  });
});

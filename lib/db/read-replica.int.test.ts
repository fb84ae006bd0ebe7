// DATABASE_READ_URL: a teacher's progress is read from the replica, over real HTTP against the
// app. The "replica" here is a copy of the primary in which one student has another name, so
// the answer shows which database it came from; signing in still goes to the primary.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/auth/register";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { HttpClient, keepAliveAgent } from "@/lib/bench/http-client";
import { buildIfNeeded } from "@/lib/cli/build";
import { createPrisma } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { withClient } from "@/lib/db/with-client";
import { loadContentDecks } from "@/lib/decks/content";
import { emptyDatabase, serverUrl } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";

const PASSWORD = "replica-test-password";
let primary: { url: string; drop(): Promise<void> };
let replica: { url: string; drop(): Promise<void> };
let app: AppServer;
let assignmentId: string;

beforeAll(async () => {
  await buildIfNeeded();
  primary = await emptyDatabase();
  await migrate(primary.url);
  const db = createPrisma(primary.url, 2);
  try {
    await loadContentDecks(db);
    const teacher = await registerUser(db, { email: "teacher@example.com", password: PASSWORD, name: "Teacher", role: "TEACHER" }, { teacherSignup: "open" });
    const student = await registerUser(db, { email: "student@example.com", password: PASSWORD, name: "Name on the primary" });
    const deck = await db.deck.findFirstOrThrow({ where: { ownerId: null } });
    const cls = await db.class.create({ data: { teacherId: teacher.id, name: "History 9", joinCode: "REPL-1CA9" } });
    await db.enrollment.create({ data: { classId: cls.id, userId: student.id } });
    assignmentId = (await db.assignment.create({ data: { classId: cls.id, deckId: deck.id, kind: "REVIEW", dueAt: new Date(Date.now() + 7 * 86_400_000), targetRecall: 0.9 } })).id;
  } finally {
    await db.$disconnect();
  }
  // The replica: the primary copied, then one visible difference.
  const name = `hc_t_replica_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl(), (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${new URL(primary.url).pathname.slice(1)}"`));
  replica = { url: serverUrl(name), drop: () => withClient(serverUrl(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}) };
  await withClient(replica.url, (c) => c.query(`UPDATE "User" SET name = 'Name on the replica' WHERE email = 'student@example.com'`));
  app = await startApp({ databaseUrl: primary.url, port: await freePort(), authSecret: randomBytes(32).toString("hex"), env: { DATABASE_READ_URL: replica.url } });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await replica?.drop();
  await primary?.drop();
});

describe("DATABASE_READ_URL", () => {
  it("serves a teacher's progress (JSON and CSV) from the read database, sign-in from the primary", async () => {
    const agent = keepAliveAgent();
    try {
      const teacher = new HttpClient(app.baseUrl, agent);
      await teacher.signIn("teacher@example.com", PASSWORD);
      const progress = await teacher.request<{ students: { name: string }[] }>("GET", `/api/assignments/${assignmentId}/progress`);
      expect(progress.status).toBe(200);
      expect(progress.body.students.map((s) => s.name)).toEqual(["Name on the replica"]);
      const csv = await teacher.request<string>("GET", `/api/assignments/${assignmentId}/progress.csv`);
      expect(csv.body).toContain("Name on the replica");
      // The learner's own pages read the primary.
      const student = new HttpClient(app.baseUrl, agent);
      await student.signIn("student@example.com", PASSWORD);
      const settings = await student.request<{ user?: { name: string } }>("GET", "/api/auth/session");
      expect(settings.body.user?.name).toBe("Name on the primary");
    } finally {
      agent.destroy();
    }
  }, 120_000);
});

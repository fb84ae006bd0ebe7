// The start of the tests that talk to a real app over HTTP: a built app on a fresh database
// with the content decks, a teacher (tina) and a student (sam), each signed in.
import type http from "node:http";
import { randomBytes } from "node:crypto";
import { registerUser } from "@/lib/auth/register";
import { startApp } from "@/lib/bench/app-server";
import { HttpClient } from "@/lib/bench/http-client";
import { buildIfNeeded } from "@/lib/cli/build";
import { loadContentDecks } from "@/lib/decks/content";
import { freshDb } from "./db";
import { freePort } from "./free-port";

export async function appWithAccounts(agent: http.Agent, password: string) {
  await buildIfNeeded();
  const t = await freshDb();
  await loadContentDecks(t.prisma);
  // The teacher role is set directly: how teacher accounts come about is not these tests' subject.
  const tina = await registerUser(t.prisma, { email: "tina@example.com", password, name: "Tina" });
  await t.prisma.user.update({ where: { id: tina.id }, data: { role: "TEACHER" } });
  const sam = await registerUser(t.prisma, { email: "sam@example.com", password, name: "Sam" });
  const app = await startApp({ databaseUrl: t.url, port: await freePort(), authSecret: randomBytes(32).toString("hex") });
  const teacher = new HttpClient(app.baseUrl, agent);
  const student = new HttpClient(app.baseUrl, agent);
  await teacher.signIn("tina@example.com", password);
  await student.signIn("sam@example.com", password);
  return { t, app, teacher, student, teacherId: tina.id, studentId: sam.id };
}

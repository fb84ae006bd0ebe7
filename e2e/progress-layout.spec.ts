// Issue 15: the teacher's progress table fits a 1280 px laptop and is a list of student
// cards on a phone; the re-teach list ranks by failures and recall at the due date; the
// quiz shows one question at a time. Screenshots for the lead's note go to
// /work/notes/screens when SCREENS_DIR (or that folder) exists; SCREENS_TAG names them
// ("before"/"after").
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, signIn, teacherInvitation, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";
const hex = () => randomBytes(4).toString("hex");
const SCREENS = process.env.SCREENS_DIR ?? "/work/notes/screens";
const TAG = process.env.SCREENS_TAG ?? "after";

async function screenshot(page: Page, name: string) {
  if (fs.existsSync(SCREENS)) await page.screenshot({ path: path.join(SCREENS, `${name}-${TAG}.png`), fullPage: true });
}

async function registered(browser: Browser, role: "TEACHER" | "STUDENT", name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const email = `${role.toLowerCase()}-${hex()}@example.com`;
  const invitation = role === "TEACHER" ? { invitation: await teacherInvitation() } : {};
  const res = await page.request.post("/api/register", { data: { email, password: PASSWORD, name, role, ...invitation } });
  expect(res.status()).toBe(201);
  await signIn(page, email, PASSWORD);
  return page;
}

type Queue = { cards: { cardId: string; version: number }[] };

/** Grades the first `n` cards of the deck's queue: `fail` of them Again, the rest Good. */
async function study(student: Page, deckId: string, n: number, fail: number) {
  const queue = (await (await student.request.get(`/api/review/queue?deck=${deckId}&limit=${n}`)).json()) as Queue;
  for (const [i, c] of queue.cards.slice(0, n).entries()) {
    const res = await student.request.post("/api/review/grade", {
      data: { cardId: c.cardId, rating: i < fail ? 1 : 3, idempotencyKey: `e2e-${hex()}-${i}`, durationMs: 4000, expectedVersion: c.version },
    });
    expect(res.status()).toBe(200);
  }
}

test("the progress table fits 1280 px with the student column sticky, is student cards on a phone, and the re-teach list ranks failed cards", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const teacher = await registered(browser, "TEACHER", "Tess Teacher");
  const { decks } = (await (await teacher.request.get("/api/decks")).json()) as { decks: { id: string; slug: string }[] };
  const deck = decks.find((d) => d.slug === "stalinist-regime")!;
  const cls = (await (await teacher.request.post("/api/classes", { data: { name: `History 9B ${hex()}` } })).json()) as { class: { id: string; joinCode: string } };
  // A goal due in the past is refused with a clear message, and nothing is saved.
  const past = await teacher.request.post("/api/assignments", { data: { kind: "REVIEW", classId: cls.class.id, deckId: deck.id, dueAt: "2020-01-01T00:00:00Z", targetRecall: 0.85 } });
  expect(past.status()).toBe(422);
  expect(((await past.json()) as { error: { message: string } }).error.message).toMatch(/due date \(1 Jan 2020.*already passed/);
  const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const created = await teacher.request.post("/api/assignments", { data: { kind: "REVIEW", classId: cls.class.id, deckId: deck.id, dueAt, targetRecall: 0.85 } });
  expect(created.status()).toBe(201);
  const assignmentId = ((await created.json()) as { assignment: { id: string } }).assignment.id;

  const names = ["Alexandra Konstantinopoulou-Whitfield", "Bo Li", "Chidimma Okonkwo", "Dmitri Ivanovich Sokolov", "Eve Adams", "Fatima Zahra El Amrani"];
  const students: Page[] = [];
  for (const [i, name] of names.entries()) {
    const s = await registered(browser, "STUDENT", name);
    expect((await s.request.post("/api/classes/join", { data: { code: cls.class.joinCode } })).status()).toBe(201);
    if (i < 4) await study(s, deck.id, 6 - i, i % 3);
    students.push(s);
  }

  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, teacher);
  await page.goto(`/teacher/assignments/${assignmentId}`);
  const table = page.getByRole("table", { name: /Progress of/ });
  await expect(table).toBeVisible();
  await screenshot(page, "progress-desktop");
  // Nothing of the table lies outside its card, and no due date wraps.
  const fits = await table.evaluate((t) => {
    const scroller = t.parentElement!;
    return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
  });
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  for (const cell of await table.locator('[data-col="due"]').all()) {
    const box = await cell.evaluate((el) => ({ h: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) }));
    expect(box.h).toBeLessThan(box.line * 2 + 17);
    await expect(cell).toHaveCSS("white-space", "nowrap");
  }
  await expect(table.locator("tbody th").first()).toHaveCSS("position", "sticky");
  await expect(table.getByRole("columnheader", { name: /Status/ })).toBeInViewport();

  // The re-teach list: failed cards only as failed, ranked by failures, recall at the due date.
  const reteach = page.getByRole("region", { name: "Cards to re-teach" });
  await expect(reteach).not.toContainText("recall now");
  await expect(reteach).not.toContainText(/Failed 0 of/);
  const failures = await reteach.locator("[data-failures]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-failures"))));
  expect(failures.length).toBeGreaterThan(0);
  expect([...failures].sort((a, b) => b - a)).toEqual(failures);
  await expect(reteach.getByText(/predicted recall at the due date/).first()).toBeVisible();

  // A phone: one card per student, every figure readable without scrolling sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await screenshot(page, "progress-phone");
  await expect(table).toBeHidden();
  const cards = page.getByRole("list", { name: /Progress of/ }).getByRole("listitem");
  await expect(cards).toHaveCount(names.length);
  await expect(cards.first()).toContainText("Due");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const s of [teacher, ...students]) await s.context().close();
});

/** Copies a signed-in page's cookies into `page`'s context. */
async function signInAs(page: Page, from: Page) {
  await page.context().addCookies(await from.context().cookies());
}

test("a quiz shows one question at a time with a navigator and the clock (desktop and phone)", async ({ page }) => {
  const email = `quiz-${hex()}@example.com`;
  expect((await page.request.post("/api/register", { data: { email, password: PASSWORD, name: "Quinn Quizzer", role: "STUDENT" } })).status()).toBe(201);
  await signIn(page, email, PASSWORD);
  const { decks } = (await (await page.request.get("/api/decks")).json()) as { decks: { id: string; slug: string }[] };
  // A deck that supplies ten questions (the 5-card one supplies 3).
  const deck = decks.find((d) => d.slug === "soviet-union-metapedia")!;
  const created = await page.request.post("/api/quiz/attempts", { data: { deckId: deck.id, count: 10, timeLimitSec: 600 } });
  expect(created.status()).toBe(201);
  const { attempt } = (await created.json()) as { attempt: { id: string } };
  for (const viewport of [{ width: 1280, height: 800, name: "desktop" }, { width: 390, height: 844, name: "phone" }]) {
    await page.setViewportSize(viewport);
    await page.goto(`/quiz/${attempt.id}`);
    await expect(page.getByRole("timer").or(page.getByText(/left/i)).first()).toBeVisible();
    await screenshot(page, `quiz-${viewport.name}`);
    // One question on screen, a navigator to the others, the page no taller than two screens.
    await expect(page.getByRole("region", { name: /^Question \d+ of 10/ })).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Questions" }).getByRole("button")).toHaveCount(10);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(viewport.height * 2);
  }
});

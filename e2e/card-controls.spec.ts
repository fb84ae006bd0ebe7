// Learner card controls in real Chromium, on a laptop and a phone (issue 15 item 9, issue 14's
// card info): the eighth lapse makes a leech (notice on the review screen, suspended, shown
// in the teacher's re-teach list); bury with "-" and undo with U; suspend from the card menu;
// report a problem (the deck's teacher reads it); card info from the review screen and the
// deck page; unsuspend on the deck page.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { queueResponseSchema } from "@/lib/api/review";
import { E2E_DATA_DIR, E2E_PG_PORT } from "./env";
import { expect, seriousViolations, signIn, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";
const hex = () => randomBytes(4).toString("hex");

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const { pgPassword } = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, "local-secrets.json"), "utf8")) as { pgPassword: string };
  const client = new pg.Client({ connectionString: `postgresql://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${E2E_PG_PORT}/history_cards` });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A new account signed in on `page`; a teacher gets the role as the operator grants it (npm run grant-teacher). */
async function account(page: Page, name: string, teacher = false): Promise<string> {
  const email = `cc-${hex()}@example.com`;
  expect((await page.request.post("/api/register", { data: { email, password: PASSWORD, name, role: "STUDENT" } })).status()).toBe(201);
  const [user] = await sql<{ id: string }>(`UPDATE "User" SET role = $2 WHERE email = $1 RETURNING id`, [email, teacher ? "TEACHER" : "STUDENT"]);
  await signIn(page, email, PASSWORD);
  return user!.id;
}

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport });
  return context.newPage();
}

const frontCardId = async (page: Page) => (await page.locator("article[data-card-id]").getAttribute("data-card-id")) ?? "";
const interactive = (page: Page) => expect(page.locator("[data-interactive=true]")).toBeAttached();
const cardMenu = (page: Page) => page.locator("summary", { hasText: "Card actions" });

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

for (const [label, viewport] of [["laptop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
  test.describe(`on a ${label}`, () => {
    test.use({ viewport });

    test("a learner buries, suspends, reports and reads card info; a leech is suspended with a notice; the teacher sees the report and the leech", async ({ page, browser }) => {
      test.setTimeout(120_000);
      // The teacher's deck of five cards, published and assigned to a class the student is in.
      const teacher = await newPage(browser, viewport);
      await account(teacher, "Tess Teacher", true);
      const prompts = ["Treaty of Versailles signed?", "Locarno Treaties signed?", "Kellogg–Briand Pact signed?", "Dawes Plan agreed?", "Young Plan agreed?"];
      const created = await teacher.request.post("/api/decks", {
        data: { title: `Interwar treaties ${hex()}`, cards: prompts.map((p, i) => ({ kind: "BASIC", prompt: p, answer: String(1919 + i) })) },
      });
      expect(created.status()).toBe(201);
      const deckId = ((await created.json()) as { deck: { id: string } }).deck.id;
      expect((await teacher.request.patch(`/api/decks/${deckId}`, { data: { status: "PUBLISHED" } })).status()).toBe(200);
      const cls = (await (await teacher.request.post("/api/classes", { data: { name: `10B ${hex()}` } })).json()) as { class: { id: string; joinCode: string } };
      const assigned = await teacher.request.post("/api/assignments", {
        data: { kind: "REVIEW", classId: cls.class.id, deckId, dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), targetRecall: 0.8 },
      });
      expect(assigned.status()).toBe(201);
      const assignmentId = ((await assigned.json()) as { assignment: { id: string } }).assignment.id;

      const studentId = await account(page, "Lea Learner");
      expect((await page.request.post("/api/classes/join", { data: { code: cls.class.joinCode } })).status()).toBe(201);
      const { deck } = (await (await page.request.get(`/api/decks/${deckId}`)).json()) as { deck: { cards: { id: string; prompt: string }[] } };
      const ids = deck.cards.map((c) => c.id);
      // The first card has been forgotten 7 times already and is due: the next Again is its 8th lapse.
      await sql(
        `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", version)
         VALUES ($1, $2, now() - interval '1 hour', 5, 8, 10, 0, 20, 7, 2, now() - interval '10 days', 3)`,
        [studentId, ids[0]],
      );

      await page.goto(`/review?deck=${deckId}`);
      await interactive(page);
      expect(await frontCardId(page)).toBe(ids[0]);
      await page.keyboard.press("Space");
      await expect(page.getByTestId("answer")).toBeVisible();
      await page.keyboard.press("1");
      await expect(page.getByRole("alert").filter({ hasText: "is a leech" })).toContainText("forgotten it 8 times, so it was suspended");
      expect(await frontCardId(page)).toBe(ids[1]);

      // Bury with "-", undo with U, bury again.
      await page.keyboard.press("-");
      await expect(page.getByTestId("shelved")).toContainText("buried until tomorrow");
      expect(await frontCardId(page)).toBe(ids[2]);
      await page.keyboard.press("u");
      await expect(page.locator("article[data-card-id]")).toHaveAttribute("data-card-id", ids[1]!);
      await page.keyboard.press("-");
      await expect(page.locator("article[data-card-id]")).toHaveAttribute("data-card-id", ids[2]!);

      // Suspend from the card menu.
      await cardMenu(page).click();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Suspend" }).click();
      await expect(page.getByTestId("shelved")).toContainText("suspended");
      await expect(page.locator("article[data-card-id]")).toHaveAttribute("data-card-id", ids[3]!);

      // Report a problem with the card in front, from the menu.
      await cardMenu(page).click();
      await page.getByRole("button", { name: "Report a problem…" }).click();
      const report = page.getByRole("dialog", { name: "Report a problem with this card" });
      await expect(report).toBeVisible();
      await report.getByLabel("Other").check();
      await expect(report.getByRole("button", { name: "Send report" })).toBeDisabled();
      await report.getByLabel("Bad wording").check();
      await report.getByLabel(/^Details/).fill("The Dawes Plan was agreed in 1924, not 1922.");
      await expectAccessible(page);
      await report.getByRole("button", { name: "Send report" }).click();
      await expect(report).toBeHidden();
      await expect(page.getByRole("alert").filter({ hasText: "Thank you" })).toBeVisible();

      // Card info of the card in front (never studied), with I; Escape closes it.
      await page.keyboard.press("i");
      const info = page.getByRole("dialog", { name: "Card info" });
      await expect(info.getByTestId("current-recall")).toHaveText("Not studied yet");
      await expect(info).toContainText("No reviews of this card yet.");
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await expect(info).toBeHidden();

      // Once the grade is saved, the server's queue agrees: the leech, the buried and the suspended card are out.
      await expect(page.getByTestId("save-status")).toContainText("All grades saved");
      const queue = queueResponseSchema.parse(await (await page.request.get(`/api/review/queue?deck=${deckId}`)).json());
      expect(queue.cards.map((c) => c.cardId).sort()).toEqual([ids[3], ids[4]].sort());

      // The deck page lists the suspended cards (the leech marked); card info shows the lapse; unsuspend.
      await page.goto(`/decks/${deckId}`);
      const suspended = page.getByTestId("suspended-list");
      await expect(suspended.locator("li")).toHaveCount(2);
      await expect(suspended.locator("li", { hasText: prompts[0]! })).toContainText("Leech");
      await page.locator("ol > li", { hasText: prompts[0]! }).getByRole("button", { name: /^Card info/ }).click();
      const deckInfo = page.getByRole("dialog", { name: "Card info" });
      const rows = deckInfo.locator("tbody tr");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText("Again");
      // Recall at the time: stability 5 days, 10 days since the last review.
      await expect(rows.first().locator("td").last()).toHaveText(/^\d+%$/);
      await expect(deckInfo).toContainText("Leech · Suspended");
      await expectAccessible(page);
      await deckInfo.getByRole("button", { name: "Close" }).click();
      await suspended.locator("li", { hasText: prompts[2]! }).getByRole("button", { name: /^Unsuspend/ }).click();
      await expect(suspended.locator("li")).toHaveCount(1);
      const back = queueResponseSchema.parse(await (await page.request.get(`/api/review/queue?deck=${deckId}`)).json());
      expect(back.cards.map((c) => c.cardId)).toContain(ids[2]);

      // The teacher: the report on the deck's page, the leech in the re-teach list.
      await teacher.goto(`/teacher/decks/${deckId}`);
      const flags = teacher.getByTestId("deck-flags");
      await expect(flags).toContainText(prompts[3]!);
      await expect(flags).toContainText("Bad wording");
      await expect(flags).toContainText("The Dawes Plan was agreed in 1924, not 1922.");
      await teacher.goto(`/teacher/assignments/${assignmentId}`);
      await expect(teacher.locator("li", { hasText: prompts[0]! }).getByTestId("leech-badge")).toHaveText("Leech for 1 student");
      await teacher.context().close();
    });
  });
}

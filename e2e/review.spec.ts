import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { historyResponseSchema, queueResponseSchema } from "@/lib/api/review";
import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";

/** The fixture checks each page load; this checks states reached without one (answer shown, dark theme, summary). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** A fresh student: no reviews yet, so the queue holds new cards from the curated decks. */
async function freshStudent(page: Page): Promise<string> {
  const email = `review-${randomBytes(4).toString("hex")}@example.com`;
  const res = await page.request.post("/api/register", { data: { email, password: PASSWORD, name: "Rita Reviewer", role: "STUDENT" } });
  expect(res.status()).toBe(201);
  await signIn(page, email, PASSWORD);
  return email;
}

const frontCard = (page: Page) => page.locator("article[data-card-id]");
/** The first card is in the server's HTML; keys work once the page has hydrated. */
const interactive = (page: Page) => expect(page.locator("[data-interactive=true]")).toBeAttached();
const frontCardId = async (page: Page) => (await frontCard(page).getAttribute("data-card-id")) ?? "";
const saveStatus = (page: Page) => page.getByTestId("save-status");

/** Space shows the answer, a digit grades it; returns the graded card's id. */
async function gradeWithKeys(page: Page, digit: "1" | "2" | "3" | "4"): Promise<string> {
  const id = await frontCardId(page);
  expect(id).not.toBe("");
  await interactive(page);
  await page.keyboard.press("Space"); // (a no-op when the answer already shows)
  await expect(page.getByTestId("answer")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Good \S+$/ })).toBeVisible();
  await page.keyboard.press(digit);
  return id;
}

async function history(request: APIRequestContext, cardId: string) {
  const res = await request.get(`/api/cards/${cardId}/history`);
  expect(res.status()).toBe(200);
  return historyResponseSchema.parse(await res.json()).reviews;
}

const live = <R extends { undone: boolean }>(reviews: R[]) => reviews.filter((r) => !r.undone);

test("a student reviews five cards with the keyboard, undoes one, and the server agrees", async ({ page }) => {
  await freshStudent(page);
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
  const progress = page.getByRole("progressbar");
  await expect(progress).toHaveAttribute("aria-valuenow", "0");
  await expect(frontCard(page)).toBeVisible();

  // Keys do nothing to grades while the answer is hidden.
  await interactive(page);
  const first = await frontCardId(page);
  await page.keyboard.press("3");
  await expect(progress).toHaveAttribute("aria-valuenow", "0");
  expect(await frontCardId(page)).toBe(first);

  // The answer side passes the accessibility check too, in both themes.
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^Again \S+$/ })).toBeVisible();
  await expect(page.locator("blockquote")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Light theme" }).click();

  const ratings = ["3", "1", "3", "4", "3"] as const;
  const graded: string[] = [];
  for (const [i, digit] of ratings.entries()) {
    graded.push(await gradeWithKeys(page, digit));
    await expect(page.getByText(new RegExp(`^${i + 1} of \\d+ done$`))).toBeVisible();
  }
  expect(new Set(graded).size).toBe(5);
  await expect(progress).toHaveAttribute("aria-valuenow", "5");
  await expect(saveStatus(page)).toHaveText(/All grades saved/);

  // Undo the fifth grade: its card comes back in front, and the count goes down.
  await page.keyboard.press("u");
  await expect(page.getByText(/^4 of \d+ done$/)).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "4");
  await expect(frontCard(page)).toHaveAttribute("data-card-id", graded[4]!);
  await expect.poll(async () => live(await history(page.request, graded[4]!)).length).toBe(0);

  // Grade it again.
  await gradeWithKeys(page, "3");
  await expect(page.getByText(/^5 of \d+ done$/)).toBeVisible();
  await expect(saveStatus(page)).toHaveText(/All grades saved/);

  // The server has exactly one live grade per card, with the ratings given.
  const expected = [3, 1, 3, 4, 3];
  for (const [i, cardId] of graded.entries()) {
    const reviews = await history(page.request, cardId);
    expect(live(reviews).map((r) => r.rating)).toEqual([expected[i]]);
  }
  expect((await history(page.request, graded[4]!)).filter((r) => r.undone)).toHaveLength(1);

  // And the remaining counts shown are the server's.
  const queue = queueResponseSchema.parse(await (await page.request.get("/api/review/queue?limit=1")).json());
  await expect(page.getByTestId("remaining-counts")).toHaveText(`${queue.counts.new} new · ${queue.counts.learning} learning · ${queue.counts.review} review`);
});

test("grades given offline wait, then are saved exactly once on reconnect", async ({ page, context }) => {
  await freshStudent(page);
  await page.goto("/review");
  await expect(frontCard(page)).toBeVisible();
  await gradeWithKeys(page, "3");
  await expect(saveStatus(page)).toHaveText(/All grades saved/);

  await context.setOffline(true);
  const offline = [await gradeWithKeys(page, "3")];
  await expect(saveStatus(page)).toHaveText(/Offline: 1 grade waiting, they will be saved when you reconnect/);
  offline.push(await gradeWithKeys(page, "4"));
  await expect(saveStatus(page)).toHaveText(/Offline: 2 grades waiting, they will be saved when you reconnect/);
  // The session goes on while offline.
  await expect(page.getByText(/^3 of \d+ done$/)).toBeVisible();
  await expect(frontCard(page)).toBeVisible();

  await context.setOffline(false);
  await expect(saveStatus(page)).toHaveText(/All grades saved/, { timeout: 20_000 });

  for (const [i, cardId] of offline.entries()) {
    const reviews = await history(page.request, cardId);
    expect(reviews.map((r) => ({ rating: r.rating, undone: r.undone }))).toEqual([{ rating: i === 0 ? 3 : 4, undone: false }]);
  }
});

test("grades wait in the outbox across a reload", async ({ page, context }) => {
  await freshStudent(page);
  await page.goto("/review");
  await expect(frontCard(page)).toBeVisible();
  await context.setOffline(true);
  const cardId = await gradeWithKeys(page, "3");
  await expect(saveStatus(page)).toHaveText(/Offline: 1 grade waiting/);
  await context.setOffline(false);
  // Reload before the backoff timer fires: the grade must survive in localStorage.
  await page.reload();
  await expect(saveStatus(page)).toHaveText(/All grades saved/);
  await expect.poll(async () => (await history(page.request, cardId)).length).toBe(1);
  // The saved card is not shown again as new.
  await expect(frontCard(page)).not.toHaveAttribute("data-card-id", cardId);
});

test("a card graded in another tab first: the second grade is dropped and the learner told", async ({ page, context }) => {
  await freshStudent(page);
  await page.goto("/review");
  const other = await context.newPage();
  await other.goto("/review");
  await expect(frontCard(page)).toBeVisible();
  await expect(frontCard(other)).toHaveAttribute("data-card-id", await frontCardId(page));

  const cardId = await gradeWithKeys(page, "3");
  await expect(saveStatus(page)).toHaveText(/All grades saved/);
  await gradeWithKeys(other, "1");
  await expect(other.getByRole("alert").filter({ hasText: "another tab" })).toContainText("was already graded in another tab or on another device");
  await expect(saveStatus(other)).toHaveText(/All grades saved/);
  // Undo has nothing of this tab's to take back.
  await expect(other.getByRole("button", { name: /^Undo/ })).toBeDisabled();

  const reviews = await history(page.request, cardId);
  expect(reviews.map((r) => r.rating)).toEqual([3]);
  await other.close();
});

test("a deck session's summary counts cards and reviews apart (relearning steps and an undo), and then nothing is due", async ({ page }) => {
  await freshStudent(page);
  const decks = (await (await page.request.get("/api/decks")).json()) as { decks: { id: string; slug: string; cardCount: number }[] };
  const deck = decks.decks.find((d) => d.slug === "stalinist-regime");
  expect(deck).toBeDefined();
  const n = deck!.cardCount;
  await page.goto(`/review?deck=${deck!.id}`);
  await expect(page.getByRole("heading", { name: /^Review: / })).toBeVisible();
  // The first two cards are failed (they come back as relearning steps); Easy sends the
  // others days ahead, so they don't come back this session.
  for (let i = 0; i < n; i++) {
    await gradeWithKeys(page, i < 2 ? "1" : "4");
    await expect(page.getByText(new RegExp(`^${i + 1} of \\d+ done$`))).toBeVisible();
  }
  // The two relearning steps; the first is graded, undone and graded again.
  await gradeWithKeys(page, "4");
  await expect(page.getByText(`${n + 1} of ${n + 2} done`)).toBeVisible();
  await page.keyboard.press("u");
  await expect(page.getByText(`${n} of ${n + 2} done`)).toBeVisible();
  await gradeWithKeys(page, "4");
  await gradeWithKeys(page, "4");
  const summary = page.getByRole("region", { name: "Session complete" });
  await expect(summary).toBeVisible();
  const stat = (label: string) => summary.locator("div", { has: page.locator("dt", { hasText: label }) }).locator("dd");
  await expect(stat("Cards studied")).toHaveText(String(n));
  await expect(stat("Reviews")).toHaveText(String(n + 2));
  await expect(stat("Accuracy")).toHaveText(`${Math.round((n / (n + 2)) * 100)}%`);
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Nothing due" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse decks" })).toBeVisible();
});

test("the first card is in the server's HTML and shows without waiting for a client fetch (desktop and phone)", async ({ page }) => {
  await freshStudent(page);
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await page.goto("/decks");
    const t0 = Date.now();
    await page.goto("/review", { waitUntil: "commit" });
    await expect(frontCard(page)).toBeVisible();
    const firstCardMs = Date.now() - t0;
    // A figure for the note, not a timed assertion (speed is measured by the bench scripts).
    console.log(JSON.stringify({ name: "review_first_card_ms", viewport: `${viewport.width}x${viewport.height}`, value: firstCardMs }));
    await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
    await expectAccessible(page);
  }
  const html = await (await page.request.get("/review")).text();
  expect(html).toMatch(/<article[^>]*data-card-id=/);
});

test("settings refuse a retention of 0.5 with a clear message and save 0.85", async ({ page }) => {
  await freshStudent(page);
  await page.locator("summary", { hasText: "account menu" }).click();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();

  const retention = page.getByLabel("Desired retention");
  await expect(retention).toHaveValue("0.9");
  await retention.fill("0.5");
  await page.getByRole("button", { name: "Save settings" }).click();
  // (Next's route announcer is an alert too: pick ours by its text.)
  await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toContainText("Desired retention must be between 0.70 and 0.99");
  await expect(retention).toHaveAttribute("aria-invalid", "true");
  expect((await (await page.request.get("/api/settings")).json()).settings.desiredRetention).toBe(0.9);

  await retention.fill("0.85");
  await page.getByLabel("Learning steps", { exact: true }).fill("2m 15m");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toHaveCount(0);

  const stored = (await (await page.request.get("/api/settings")).json()) as { settings: { desiredRetention: number; learningSteps: string[] } };
  expect(stored.settings.desiredRetention).toBe(0.85);
  expect(stored.settings.learningSteps).toEqual(["2m", "15m"]);
  await page.reload();
  await expect(page.getByLabel("Desired retention")).toHaveValue("0.85");
});

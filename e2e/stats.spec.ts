import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { statsResponseSchema } from "@/lib/api/stats";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";

async function freshStudent(page: Page): Promise<void> {
  const email = `stats-${randomBytes(4).toString("hex")}@example.com`;
  const res = await page.request.post("/api/register", { data: { email, password: PASSWORD, name: "Stella Stats", role: "STUDENT" } });
  expect(res.status()).toBe(201);
  await signIn(page, email, PASSWORD);
}

test("a student's reviews are counted on /stats, whose data the API serves too", async ({ page }) => {
  await freshStudent(page);
  // Before any review: nothing counted.
  await page.goto("/stats");
  await expect(page.locator("#heatmap-summary")).toHaveText("No reviews in the past year yet.");

  await page.goto("/review");
  const card = page.locator("article[data-card-id]");
  for (const digit of ["3", "1", "4"]) {
    await expect(card).toBeVisible();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    await page.keyboard.press(digit);
  }
  await expect(page.getByText(/^3 of \d+ done$/)).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText(/All grades saved/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stats" }).click();
  await expect(page.getByRole("heading", { name: "Statistics", exact: true })).toBeVisible();
  await expect(page.locator("#heatmap-summary")).toContainText("3 reviews on 1 day of the past year. Current streak: 1 day");
  // Good and Easy on a new card leave it learning or in review, Again learning: three cards studied.
  const studied = await Promise.all(["learning", "review", "relearning"].map(async (k) => Number(await page.getByTestId(`count-${k}`).textContent())));
  expect(studied.reduce((a, b) => a + b, 0)).toBe(3);
  await expect(page.getByRole("img", { name: "Reviews per day, past year" })).toBeVisible();

  const res = await page.request.get("/api/stats");
  expect(res.status()).toBe(200);
  const stats = statsResponseSchema.parse(await res.json());
  expect(stats.heatmap.totalReviews).toBe(3);
  expect(stats.heatmap.days).toEqual([{ day: stats.today, reviews: 3 }]);

  // Filter by a deck through the form: the figures follow the filter.
  const deck = stats.decks[0]!;
  await page.getByLabel("Deck").selectOption(deck.id);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: `Statistics: ${deck.title}` })).toBeVisible();
  const filtered = statsResponseSchema.parse(await (await page.request.get(`/api/stats?deck=${deck.id}`)).json());
  expect(filtered.deck).toEqual(deck);
  expect(await page.getByTestId("count-new").textContent()).toBe(String(filtered.counts.new));

  // Bad input: a clear 4xx.
  expect((await page.request.get("/api/stats?deck=not-a-deck")).status()).toBe(422);
  expect((await page.request.get(`/api/stats?deck=00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
});

test("/stats needs a session", async ({ page }) => {
  expect((await page.request.get("/api/stats")).status()).toBe(401);
  await page.goto("/stats");
  await expect(page).toHaveURL(/\/signin/);
});

import { demoPassword, expect, signIn, test } from "./fixtures";

test("a learner sees a deck's cards with their provenance, and the API agrees", async ({ page }) => {
  await signIn(page, "student@demo.local", demoPassword());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
  // Wait for the list itself: the home page also links to this deck ("Review: ..."), and a click
  // before the navigation lands would follow that link instead.
  await expect(page.getByRole("heading", { level: 1, name: "Decks" })).toBeVisible();
  await page.getByRole("link", { name: "Soviet Union (Metapedia article, curated)", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Soviet Union/);

  // Paginated: 20 cards a page, a search narrows them (issue 15: one 22,000 px page before).
  await expect(page.getByTestId("card-range")).toHaveText(/^Cards 1–20 of \d+$/);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(12_000);
  await page.getByRole("navigation", { name: "Card pages" }).getByRole("link", { name: /Next/ }).click();
  await expect(page.getByTestId("card-range")).toHaveText(/^Cards 21–40 of \d+$/);
  await page.getByRole("searchbox", { name: "Search cards" }).fill("rapallo");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("card-range")).toHaveText(/^Cards 1–\d+ of \d+ matching “rapallo”$/);
  const rapallo = page.getByRole("listitem").filter({ hasText: "When was the Treaty of Rapallo signed?" });
  await expect(rapallo).toContainText("16 April 1922");
  await expect(rapallo.locator("mark")).toContainText("Rapallo");
  await expect(rapallo).toContainText("Citation: Grenville, 1974, p.139");
  // Footnote markers in quotes link to the card's citation.
  await page.getByRole("searchbox", { name: "Search cards" }).fill("October Revolution 1991");
  await page.getByRole("button", { name: "Search" }).click();
  const footnoted = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^Footnote \d+/ }) }).first();
  await expect(footnoted).toBeVisible();
  const marker = footnoted.getByRole("link", { name: /^Footnote \d+/ }).first();
  const target = (await marker.getAttribute("href"))!;
  expect(target).toMatch(/^#cite-/);
  await expect(footnoted.locator(target)).toContainText("Citation: ");
  // Study this deck and Quiz me start from here.
  await expect(page.getByRole("link", { name: "Study this deck" })).toHaveAttribute("href", /^\/review\?deck=/);
  await page.getByRole("link", { name: "Quiz me" }).click();
  await expect(page.getByRole("combobox", { name: "Deck", exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
  await page.goBack();
  // On a phone the buttons and the search fit the width.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("link", { name: "Quiz me" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The omission note about the removed passage is shown with the source.
  await expect(page.getByText(/omitted one passage of antisemitic quotations/)).toBeVisible();

  const list = await page.request.get("/api/decks");
  expect(list.status()).toBe(200);
  const { decks } = (await list.json()) as { decks: { id: string; slug: string; cardCount: number }[] };
  const deck = decks.find((d) => d.slug === "soviet-union-metapedia")!;
  expect(deck.cardCount).toBeGreaterThan(50);
  const one = await page.request.get(`/api/decks/${deck.id}`);
  const body = (await one.json()) as { deck: { cards: { prompt: string; quote: string; citation: string | null }[] } };
  const card = body.deck.cards.find((c) => c.prompt === "When was the Treaty of Rapallo signed?")!;
  expect(card.quote).toContain("Rapallo");
  expect(card.citation).toBe("Grenville, 1974, p.139");

  const missing = await page.request.get("/api/decks/00000000-0000-4000-8000-000000000000");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: "No such deck." } });
});

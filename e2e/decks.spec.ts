import { demoPassword, expect, signIn, test } from "./fixtures";

test("a learner sees a deck's cards with their provenance, and the API agrees", async ({ page }) => {
  await signIn(page, "student@demo.local", demoPassword());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
  // Wait for the list itself: the home page also links to this deck ("Review: ..."), and a click
  // before the navigation lands would follow that link instead.
  await expect(page.getByRole("heading", { level: 1, name: "Decks" })).toBeVisible();
  await page.getByRole("link", { name: "Soviet Union (Metapedia article, curated)", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Soviet Union/);

  const rapallo = page.getByRole("listitem").filter({ hasText: "When was the Treaty of Rapallo signed?" });
  await expect(rapallo).toContainText("16 April 1922");
  await expect(rapallo.locator("mark")).toContainText("Rapallo");
  await expect(rapallo).toContainText("Citation: Grenville, 1974, p.139");
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

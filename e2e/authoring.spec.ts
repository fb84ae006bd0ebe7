// A teacher builds a deck from a sample document: import, untick a card, fix a typo,
// save the draft, publish, assign it to the demo class. And imported markup stays text.
import path from "node:path";
import { demoPassword, expect, signIn, test } from "./fixtures";

const SAMPLE = path.resolve(import.meta.dirname, "../content/testdocs/prose-only.txt");

test("a teacher imports a document, edits the cards, publishes and assigns the deck", async ({ page }) => {
  await signIn(page, "teacher@demo.local", demoPassword());
  await page.goto("/teacher/decks");
  await page.getByRole("link", { name: "Import a document" }).click();
  await page.getByLabel("Upload a .txt or .md file (up to 1 MB)").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "Preview cards" }).click();
  await expect(page.getByRole("heading", { name: "2. Choose and edit the cards" })).toBeVisible();

  const proposed = await page.getByRole("checkbox", { name: /^Include card/ }).count();
  expect(proposed).toBeGreaterThan(3);
  // The source quote of each card is shown, highlighted.
  await expect(page.locator("mark").first()).toBeVisible();
  await page.getByRole("checkbox", { name: /^Include card 1\b/ }).uncheck();
  // Fix a "typo" in the wording of card 2.
  const answer = page.getByLabel("Answer of card 2", { exact: true });
  const original = await answer.inputValue();
  await answer.fill(`${original} (checked)`);

  const title = `Eastern Bloc ${Date.now()}`;
  await page.getByLabel("Deck title").fill(title);
  await page.getByRole("button", { name: `Save draft (${proposed - 1} cards)` }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draft (not assignable yet)")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Cards (${proposed - 1})` })).toBeVisible();
  await expect(page.getByLabel("Answer of card 1", { exact: true })).toHaveValue(`${original} (checked)`);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  const deckId = page.url().split("/").pop()!;

  // Both downloads work from the built app.
  const csv = await page.request.get(`/api/decks/${deckId}/export.csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).split("\r\n")[0]).toBe("front,back,kind,source quote,citation");
  const apkg = await page.request.get(`/api/decks/${deckId}/export.apkg`);
  expect(apkg.status()).toBe(200);
  expect((await apkg.body()).subarray(0, 2).toString()).toBe("PK");

  // Assign it to the demo class.
  await page.getByRole("link", { name: "Teaching" }).first().click();
  await page.getByRole("link", { name: "Demo class: interwar Europe" }).click();
  await page.getByRole("button", { name: "Assign a deck" }).click();
  const assign = page.getByRole("dialog", { name: "Assign a deck" });
  await assign.getByLabel("Deck").selectOption(deckId);
  await assign.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("link", { name: `Review goal: ${title}` })).toBeVisible();

  await page.goto("/teacher/decks");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByText(/Published · \d+ cards · assigned 1 time$/).first()).toBeVisible();
});

test("imported markup is shown as text, never run", async ({ page }) => {
  await signIn(page, "teacher@demo.local", demoPassword());
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto("/teacher/decks/import");
  const text = "Notes <script>alert(1)</script>\n\nThe Warsaw Pact was established on 14 May 1955. <img src=x onerror=alert(2)>\n";
  await page.getByLabel("Or paste the text").fill(text);
  await page.getByRole("button", { name: "Preview cards" }).click();
  await expect(page.getByRole("heading", { name: "2. Choose and edit the cards" })).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText("The Warsaw Pact was established on 14 May 1955. <img src=x onerror=alert(2)>");
  await expect(page.locator("blockquote").first()).toContainText("Notes <script>alert(1)</script>");
  await page.getByLabel("Deck title").fill(`Markup ${Date.now()}`);
  await page.getByRole("button", { name: "Save draft (1 card)" }).click();
  // Stored and shown again, still as text: in the editor and on the learner's deck page.
  await expect(page.locator("blockquote").first()).toContainText("Notes <script>alert(1)</script>");
  await page.getByRole("link", { name: "View as a learner" }).click();
  await expect(page.locator("mark").first()).toHaveText("The Warsaw Pact was established on 14 May 1955. <img src=x onerror=alert(2)>");
  expect(await page.locator("main script, main img").count()).toBe(0);
  expect(dialogs).toBe(0);
});

// A teacher builds a deck from a sample document: import, untick a card, fix a typo,
// save the draft, publish, assign it to the demo class. A cited paragraph gives the cards
// a teacher expects, with their citations and the dates left unused. And imported markup stays text.
import path from "node:path";
import type { ImportPreview } from "../lib/api/authoring";
import { demoPassword, expect, seriousViolations, signIn, test } from "./fixtures";

const SAMPLE = path.resolve(import.meta.dirname, "../content/testdocs/prose-only.txt");

test("a teacher imports a document, edits the cards, publishes and assigns the deck", async ({ page }) => {
  await signIn(page, "teacher@demo.local", demoPassword());
  await page.goto("/teacher/decks");
  await page.getByRole("link", { name: "Import a document" }).click();
  await page.getByLabel("Upload a .txt or .md file (up to 1 MB)").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "Preview cards" }).click();
  await expect(page.getByRole("heading", { name: "2. Choose and edit the cards" })).toBeVisible();

  expect(await page.getByRole("checkbox", { name: /^Include card/ }).count()).toBeGreaterThan(3);
  // Only the cards the extractor is sure of start ticked.
  const ticked = page.getByRole("checkbox", { name: /^Include card/, checked: true });
  const selected = await ticked.count();
  expect(selected).toBeGreaterThan(1);
  // The source quote of each card is shown, highlighted.
  await expect(page.locator("mark").first()).toBeVisible();
  await ticked.first().uncheck();
  // Fix a "typo" in the next ticked card, which becomes the deck's card 1.
  const n = (await ticked.first().getAttribute("id"))!.replace("include-", "");
  const answer = page.getByLabel(`Answer of card ${n}`, { exact: true });
  const original = await answer.inputValue();
  await answer.fill(`${original} (checked)`);

  const title = `Eastern Bloc ${Date.now()}`;
  await page.getByLabel("Deck title").fill(title);
  await page.getByRole("button", { name: `Save draft (${selected - 1} cards)` }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draft (not assignable yet)")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Cards (${selected - 1})` })).toBeVisible();
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

const CITED = [
  "The Dual Alliance was concluded between Germany and Austria-Hungary on 7 October 1879 (Taylor, 1954, p. 266).",
  "Italy joined Germany and Austria-Hungary in the Triple Alliance on 20 May 1882 (Taylor, 1954, p. 278).",
  "The Entente Cordiale, a series of agreements between Britain and France, was signed on 8 April 1904 (Joll, 1984, p. 45).",
].join(" ");

test("a cited textbook paragraph gives the cards a teacher expects, with their citations and the dates not used", async ({ page }) => {
  await signIn(page, "teacher@demo.local", demoPassword());
  await page.goto("/teacher/decks/import");
  await page.getByLabel("Or paste the text").fill(CITED);
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/decks/import/preview");
  await page.getByRole("button", { name: "Preview cards" }).click();
  const { preview } = (await (await response).json()) as { preview: ImportPreview };
  await expect(page.getByRole("heading", { name: "2. Choose and edit the cards" })).toBeVisible();

  // Every card as the teacher sees it: its kind and subject, wording, confidence and citation.
  const items = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: /^Include card/ }) });
  await expect(items).toHaveCount(preview.cards.length);
  const shown: { n: number; label: string; prompt: string; answer: string; text: string }[] = [];
  for (let n = 1; n <= preview.cards.length; n++) {
    const item = items.nth(n - 1);
    shown.push({
      n,
      label: (await item.locator(`label[for="include-${n}"]`).textContent()) ?? "",
      prompt: await page.getByLabel(`Question of card ${n}`, { exact: true }).inputValue(),
      answer: await page.getByLabel(`Answer of card ${n}`, { exact: true }).inputValue(),
      text: (await item.textContent()) ?? "",
    });
  }
  const find = (what: string, match: (c: (typeof shown)[number]) => boolean) => {
    const card = shown.find(match);
    expect(card, `${what} among ${JSON.stringify(shown, null, 1)}`).toBeDefined();
    return card!;
  };
  const dualDate = find("the Dual Alliance's date", (c) => /· Date/.test(c.label) && /^When\b.*Dual Alliance/.test(c.prompt));
  expect(dualDate.answer).toContain("7 October 1879");
  expect(dualDate.text).toContain("Citation: Taylor, 1954, p. 266");
  const dualParties = find("the Dual Alliance's parties", (c) => /· Parties/.test(c.label) && /Dual Alliance/.test(c.prompt));
  expect(dualParties.answer).toMatch(/Germany/);
  expect(dualParties.answer).toMatch(/Austria-Hungary/);
  expect(dualParties.text).toContain("Citation: Taylor, 1954, p. 266");
  const entente = find("the Entente Cordiale's date", (c) => /· Date/.test(c.label) && /Entente Cordiale/.test(c.prompt));
  expect(entente.answer).toContain("8 April 1904");
  expect(entente.text).toContain("Citation: Joll, 1984, p. 45");
  // Each card says how sure the extractor is, and starts ticked exactly when the preview selects it.
  for (const [i, card] of preview.cards.entries()) {
    expect(shown[i]!.text).toMatch(/(High confidence|Check this card) \(\d+%\)/);
    const box = page.getByRole("checkbox", { name: new RegExp(`^Include card ${i + 1}\\b`) });
    if (card.selected) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }

  // The dates that made no card are listed with their sentence, the date marked; no section when there are none.
  const unused = page.getByRole("region", { name: "Dates not used" });
  if (preview.unusedDates.length === 0) await expect(unused).toHaveCount(0);
  else {
    await expect(unused.getByRole("listitem")).toHaveCount(preview.unusedDates.length);
    for (const [i, d] of preview.unusedDates.entries()) await expect(unused.getByRole("listitem").nth(i).locator("mark")).toHaveText(d.text);
  }
  // The preview is drawn after the page loaded, so the per-load check has not seen it.
  expect(await seriousViolations(page)).toEqual([]);
});

test("while a document is read, the page shows its progress", async ({ page }) => {
  await signIn(page, "teacher@demo.local", demoPassword());
  await page.goto("/teacher/decks/import");
  await page.getByLabel("Or paste the text").fill(CITED);
  // Hold the answer back so the reading state can be seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/decks/import/preview", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Preview cards" }).click();
  await expect(page.getByRole("progressbar", { name: /Reading the document/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Reading the document…" })).toContainText(/\d+ s$/, { timeout: 5_000 });
  expect(await seriousViolations(page)).toEqual([]);
  release();
  await expect(page.getByRole("heading", { name: "2. Choose and edit the cards" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
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

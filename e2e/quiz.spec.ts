import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { attemptSchema, resultSchema } from "@/lib/api/quiz";
import { queueResponseSchema } from "@/lib/api/review";
import { expect, formAlert, signIn, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

async function freshStudent(page: Page) {
  const email = `quiz-${randomBytes(4).toString("hex")}@example.com`;
  const res = await page.request.post("/api/register", { data: { email, password: PASSWORD, name: "Quincy Quizzer", role: "STUDENT" } });
  expect(res.status()).toBe(201);
  await signIn(page, email, PASSWORD);
}

async function sovietDeck(page: Page): Promise<{ id: string; title: string }> {
  const { decks } = (await (await page.request.get("/api/decks")).json()) as { decks: { id: string; slug: string; title: string }[] };
  const deck = decks.find((d) => d.slug === "soviet-union-metapedia");
  expect(deck).toBeDefined();
  return deck!;
}

const startForm = (page: Page) => page.getByRole("form", { name: "Start a quiz" });

/** Fills the start form on /quiz and starts; returns the attempt id from the quiz page's URL. */
async function startFromForm(page: Page, deckId: string, count: string, minutes: string, seconds: string): Promise<string> {
  const form = startForm(page);
  await form.getByLabel("A deck").check();
  await form.getByLabel("Deck", { exact: true }).selectOption(deckId);
  await form.getByLabel("Number of questions").fill(count);
  await form.getByLabel("Minutes").fill(minutes);
  await form.getByLabel("Seconds").fill(seconds);
  await form.getByRole("button", { name: "Start quiz" }).click();
  await page.waitForURL(new RegExp(`/quiz/${UUID}$`));
  return page.url().split("/").at(-1)!;
}

const navigator = (page: Page) => page.getByRole("navigation", { name: "Questions" });
const shownQuestion = (page: Page) => page.getByTestId("quiz-question");

/** Shows question `index` (0-based) through the navigator. */
async function showQuestion(page: Page, index: number) {
  await navigator(page).getByRole("button", { name: new RegExp(`^Question ${index + 1}(,|$)`) }).click();
  await expect(shownQuestion(page).getByRole("heading", { name: new RegExp(`^Question ${index + 1} of`) })).toBeVisible();
}

/**
 * Answers the question on screen through the page, as a learner would (one click on an
 * option, Enter after a typed year, Confirm order for a chronology), and returns the answer
 * as the results page will describe it (option text, typed year, events joined by " → ").
 */
async function answerThroughPage(page: Page): Promise<string> {
  const question = shownQuestion(page);
  const counted = page.getByTestId("answered-count");
  const before = Number(/^(\d+)/.exec(await counted.innerText())?.[1]);
  const type = await question.getAttribute("data-question-type");
  let given: string;
  if (type === "mcq") {
    const option = question.locator("button[data-choice]").nth(1);
    given = (await option.locator("span").last().innerText()).trim();
    await option.click();
  } else if (type === "typed-year") {
    given = "1922";
    await question.getByLabel("Year").fill(" 1922 ");
    await question.getByLabel("Year").press("Enter");
  } else {
    expect(type).toBe("chronology");
    await question.getByRole("button", { name: /down$/ }).first().click();
    given = (await question.getByRole("listitem").locator("span.flex-1").allInnerTexts()).join(" → ");
    await question.getByRole("button", { name: "Confirm order" }).click();
  }
  await expect(counted).toHaveText(new RegExp(`^${before + 1} of`));
  return given;
}

test("a 10-second quiz: two answers through the page, the clock runs out, the results come by themselves with the right score", async ({ page }) => {
  await freshStudent(page);
  const deck = await sovietDeck(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quiz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quiz" })).toBeVisible();
  const id = await startFromForm(page, deck.id, "5", "0", "10");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Quiz: ${deck.title}`);
  const timer = page.getByRole("timer", { name: "Time left" });
  await expect(timer).toHaveText(/^0:(10|0\d)$/);
  // The page holds prompts and options only: no key has reached the browser.
  expect(await page.content()).not.toMatch(/correctIndex|correctAnswer/);

  // One question on screen; the navigator holds them all.
  await expect(shownQuestion(page)).toHaveCount(1);
  const total = await navigator(page).getByRole("button").count();
  expect(total).toBeGreaterThanOrEqual(2);
  // Answering moves on to the next question by itself.
  const given = [await answerThroughPage(page), await answerThroughPage(page)];
  await expect(shownQuestion(page).getByRole("heading")).toHaveText(`Question 3 of ${total}`);
  await expect(page.getByTestId("answered-count")).toHaveText(`2 of ${total} answered`);

  // Nobody presses Submit: at zero the page submits by itself and opens the results.
  await page.waitForURL(`**/quiz/${id}/results`, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Quiz results: ${deck.title}`);

  const items = page.getByTestId("result-item");
  await expect(items).toHaveCount(total);
  await expect(page.locator("[data-testid=result-item][data-answered=true]")).toHaveCount(2);
  await expect(page.getByTestId("answered")).toHaveText(`2 of ${total}`);
  // The two answered are the first two, as given; each is marked right exactly when it
  // matches the right answer the page shows, and the score counts those.
  let expected = 0;
  for (const [i, answer] of given.entries()) {
    const item = items.nth(i);
    await expect(item.getByTestId("your-answer")).toHaveText(answer);
    const right = (await item.getByTestId("right-answer").innerText()).trim();
    const correct = right === answer;
    await expect(item).toHaveAttribute("data-correct", String(correct));
    await expect(item.getByTestId("verdict")).toHaveText(correct ? /Correct/ : /Wrong/);
    if (correct) expected += 1;
  }
  await expect(page.locator("[data-testid=result-item][data-correct=true]")).toHaveCount(expected);
  await expect(page.getByTestId("score")).toHaveText(`${expected} / ${total}`);
  await expect(page.getByTestId("time-taken")).toHaveText(/^(9|10) s$/);
  // Provenance of single-card questions, as text.
  const single = items.filter({ has: page.locator("blockquote") }).first();
  await expect(single.locator("figcaption")).toContainText(/Citation: |No citation/);

  // The server agrees: the score is its own, from the answers it accepted.
  const res = await page.request.get(`/api/quiz/attempts/${id}/results`);
  expect(res.status()).toBe(200);
  const results = resultSchema.parse(((await res.json()) as { results: unknown }).results);
  expect(results.score).toBe(expected);
  expect(results.score).toBe(results.questions.filter((q) => q.correct).length);
  expect(results.questions.filter((q) => q.answer !== null)).toHaveLength(2);
  expect(results.timeTakenSec).toBeLessThanOrEqual(10);
});

test("the start form explains what is wrong, in its own words and the server's; at-risk quizzes start once cards are studied", async ({ page }) => {
  await freshStudent(page);
  await page.goto("/quiz");
  const form = startForm(page);
  const count = form.getByLabel("Number of questions");

  await count.fill("3");
  await form.getByRole("button", { name: "Start quiz" }).click();
  await expect(formAlert(page)).toContainText("Quiz not started: Please correct the fields marked below.");
  await expect(form.getByText("Number of questions must be a whole number from 5 to 50.")).toBeVisible();
  await expect(count).toHaveAttribute("aria-invalid", "true");
  await expect(count).toBeFocused();

  await count.fill("10");
  await form.getByLabel("Minutes").fill("0");
  await form.getByLabel("Seconds").fill("5");
  await form.getByRole("button", { name: "Start quiz" }).click();
  await expect(form.getByText(/time limit must be from 10 seconds to 2 hours/)).toBeVisible();
  await expect(form.getByText("Number of questions must be")).toHaveCount(0);
  await expect(form.getByLabel("Minutes")).toBeFocused();

  // Valid numbers, but a new learner has studied nothing: the server's reason is shown.
  await form.getByLabel("Seconds").fill("30");
  await form.getByLabel("Cards I'm about to forget").check();
  await expect(form.getByLabel("Deck", { exact: true })).toHaveCount(0);
  await form.getByRole("button", { name: "Start quiz" }).click();
  await expect(formAlert(page)).toHaveText("Quiz not started: Study some cards first: an at-risk quiz uses cards you have reviewed.");
  expect(page.url()).toMatch(/\/quiz$/);

  // Nothing was created.
  const list = (await (await page.request.get("/api/quiz/attempts")).json()) as { attempts: unknown[] };
  expect(list.attempts).toEqual([]);
  await expect(page.getByText("No quizzes yet.")).toBeVisible();

  // Once some cards are studied, the same form starts an at-risk quiz.
  const deck = await sovietDeck(page);
  const queue = queueResponseSchema.parse(await (await page.request.get(`/api/review/queue?limit=15&deck=${deck.id}`)).json());
  for (const item of queue.cards) {
    const graded = await page.request.post("/api/review/grade", {
      data: { cardId: item.cardId, rating: 3, idempotencyKey: `quiz-e2e-${randomBytes(8).toString("hex")}`, durationMs: 1000, expectedVersion: item.version },
    });
    expect(graded.status()).toBe(200);
  }
  await form.getByRole("button", { name: "Start quiz" }).click();
  await page.waitForURL(new RegExp(`/quiz/${UUID}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quiz: Cards I'm about to forget");
  await expect(page.getByTestId("quiz-question").first()).toBeVisible();
});

test("a quiz submitted with the button is listed with its score under past attempts", async ({ page }) => {
  await freshStudent(page);
  const deck = await sovietDeck(page);
  await page.goto("/quiz");
  const id = await startFromForm(page, deck.id, "5", "2", "0");
  const total = await navigator(page).getByRole("button").count();
  await answerThroughPage(page);

  // Unanswered questions need a second, deliberate press.
  await page.getByRole("button", { name: "Submit quiz" }).click();
  await expect(page.getByText(`${total - 1} questions are not answered and will count as wrong. Submit anyway?`)).toBeVisible();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await page.waitForURL(`**/quiz/${id}/results`);
  const score = ((await page.getByTestId("score").innerText()).match(/^(\d+) \/ (\d+)$/) ?? []).slice(1);
  expect(score[1]).toBe(String(total));

  await page.getByRole("link", { name: "Back to quizzes" }).first().click();
  await page.waitForURL(/\/quiz$/);
  const row = page.locator(`[data-testid=past-attempt][data-attempt-id="${id}"]`);
  await expect(row.getByRole("rowheader")).toHaveText(deck.title);
  await expect(row.locator("[data-col=score]")).toHaveText(new RegExp(`^${score[0]} / ${total} \\(\\d+%\\)$`));
  await row.getByRole("link", { name: /^Results/ }).click();
  await page.waitForURL(`**/quiz/${id}/results`);
  await expect(page.getByTestId("score")).toHaveText(`${score[0]} / ${total}`);

  // Back on the quiz's own address, a finished quiz shows its results.
  await page.goto(`/quiz/${id}`);
  await page.waitForURL(`**/quiz/${id}/results`);
});

test("chronology by keyboard, and an answer already given elsewhere is handled", async ({ page }) => {
  await freshStudent(page);
  const deck = await sovietDeck(page);
  // Ten questions from a large deck include chronologies (one in five).
  const created = await page.request.post("/api/quiz/attempts", { data: { deckId: deck.id, count: 10, timeLimitSec: 300 } });
  expect(created.status()).toBe(201);
  const attempt = attemptSchema.parse(((await created.json()) as { attempt: unknown }).attempt);
  expect(attempt.questions.some((q) => q.type === "chronology")).toBe(true);

  await page.goto(`/quiz/${attempt.id}`);
  const chronologyIndex = attempt.questions.findIndex((q) => q.type === "chronology");
  await showQuestion(page, chronologyIndex);
  const chronology = shownQuestion(page);
  const labels = () => chronology.getByRole("listitem").locator("span.flex-1").allInnerTexts();
  const before = await labels();
  // Tab to the first item's Down button and press it twice: the item moves to third place
  // and focus stays with it.
  const firstDown = chronology.getByRole("button", { name: `Move “${before[0]}” down` });
  await firstDown.focus();
  await page.keyboard.press("Enter");
  await expect(firstDown).toBeFocused();
  await page.keyboard.press("Space");
  expect(await labels()).toEqual([before[1], before[2], before[0], before[3]]);
  await expect(firstDown).toBeFocused();
  await expect(chronology.getByText(`“${before[0]}” moved to position 3 of 4.`)).toBeAttached();
  // At the bottom, Down is disabled and focus moves to Up.
  await page.keyboard.press("Enter");
  await expect(firstDown).toBeDisabled();
  await expect(chronology.getByRole("button", { name: `Move “${before[0]}” up` })).toBeFocused();
  await chronology.getByRole("button", { name: "Confirm order" }).press("Enter");
  // Saved, the page moves on; back on it, the answer shows.
  await expect(navigator(page).getByRole("button", { name: `Question ${chronologyIndex + 1}, answered` })).toBeVisible();
  await showQuestion(page, chronologyIndex);
  await expect(chronology.getByTestId("answer-saved")).toContainText(`Answer saved: ${[before[1], before[2], before[3], before[0]].join(" → ")}`);

  // Another tab answers the first open multiple-choice question; this page then tries to: 409, handled.
  const mcqIndex = attempt.questions.findIndex((q) => q.type === "mcq");
  expect(mcqIndex).toBeGreaterThanOrEqual(0);
  const other = await page.request.post(`/api/quiz/attempts/${attempt.id}/answers`, { data: { questionId: attempt.questions[mcqIndex]!.id, answer: { choice: 0 } } });
  expect(other.status()).toBe(200);
  await showQuestion(page, mcqIndex);
  const mcq = shownQuestion(page);
  // Key 3 answers the third option at once.
  await page.keyboard.press("3");
  await expect(mcq.getByText(/already been answered/)).toBeVisible();
  await expect(mcq).toHaveAttribute("data-answered", "true");

  // A typed year that is not a year is caught before it costs the one answer.
  const typedIndex = attempt.questions.findIndex((q) => q.type === "typed-year");
  if (typedIndex >= 0) {
    await showQuestion(page, typedIndex);
    const typed = shownQuestion(page);
    await typed.getByLabel("Year").fill("nineteen");
    await typed.getByLabel("Year").press("Enter");
    await expect(typed.getByText(/Type just the year in digits/)).toBeVisible();
    await expect(typed).toHaveAttribute("data-answered", "false");
  }

  // Someone else's attempt is not found.
  await page.context().clearCookies();
  await freshStudent(page);
  const foreign = await page.goto(`/quiz/${attempt.id}`);
  expect(foreign?.status()).toBe(404);
  const foreignResults = await page.goto(`/quiz/${attempt.id}/results`);
  expect(foreignResults?.status()).toBe(404);
});

import fs from "node:fs";
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, formAlert, signIn, teacherInvitation, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";
const hex = () => randomBytes(4).toString("hex");

/** The fixture checks page loads of `page`; this checks other pages and states (dialogs, dark theme). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function register(page: Page, role: "TEACHER" | "STUDENT", name: string) {
  const email = `${role.toLowerCase()}-${hex()}@example.com`;
  const invitation = role === "TEACHER" ? { invitation: await teacherInvitation() } : {};
  const res = await page.request.post("/api/register", { data: { email, password: PASSWORD, name, role, ...invitation } });
  expect(res.status()).toBe(201);
  await signIn(page, email, PASSWORD);
  return { email, id: ((await res.json()) as { user: { id: string } }).user.id };
}

async function studentPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return context.newPage();
}

/** "YYYY-MM-DDTHH:mm" in the browser's own time zone, `minutes` from now. */
function localInput(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, minutes);
}

async function stalinDeck(page: Page) {
  const { decks } = (await (await page.request.get("/api/decks")).json()) as { decks: { id: string; slug: string; title: string; cardCount: number }[] };
  const deck = decks.find((d) => d.slug === "stalinist-regime");
  expect(deck).toBeDefined();
  return deck!;
}

async function sovietDeck(page: Page) {
  const { decks } = (await (await page.request.get("/api/decks")).json()) as { decks: { id: string; slug: string; title: string }[] };
  const deck = decks.find((d) => d.slug === "soviet-union-metapedia");
  expect(deck).toBeDefined();
  return deck!;
}

async function assignmentIdOf(page: Page, linkName: string): Promise<string> {
  const href = await page.getByRole("link", { name: linkName }).getAttribute("href");
  const id = /\/teacher\/assignments\/([0-9a-f-]{36})$/.exec(href ?? "")?.[1];
  expect(id).toBeDefined();
  return id!;
}

async function answerOneAndSubmit(student: Page, attemptId: string) {
  const attempt = (await (await student.request.get(`/api/quiz/attempts/${attemptId}`)).json()) as {
    attempt: { questions: { id: string; type: string; payload: { items?: { id: string }[] }; answered: boolean }[] };
  };
  const q = attempt.attempt.questions.find((x) => !x.answered);
  if (q) {
    const answer = q.type === "mcq" ? { choice: 0 } : q.type === "typed-year" ? { text: "1930" } : { order: (q.payload.items ?? []).map((i) => i.id) };
    const res = await student.request.post(`/api/quiz/attempts/${attemptId}/answers`, { data: { questionId: q.id, answer } });
    // The quiz page (another engineer's) may already have answered it: 409 is fine then.
    expect([200, 409]).toContain(res.status());
  }
  const submitted = await student.request.post(`/api/quiz/attempts/${attemptId}/submit`, { data: {} });
  expect(submitted.status()).toBe(200);
}

test("a teacher sets a review goal and a quiz; a student joins, does both; the teacher sees the progress", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await register(page, "TEACHER", "Tess Teacher");
  const deck = await stalinDeck(page);
  const className = `History 9B ${hex()}`;

  // Create a class.
  await page.getByRole("link", { name: "Teaching" }).click();
  await page.getByRole("button", { name: "Create class" }).click();
  const create = page.getByRole("dialog", { name: "Create a class" });
  await create.getByLabel("Class name").fill(className);
  await create.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const classId = /\/teacher\/classes\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  expect(classId).toBeDefined();
  const code = ((await page.getByTestId("join-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(page.getByLabel("Join link")).toHaveValue(new RegExp(`/join\\?code=${code}$`));

  // Assign the deck as a review goal.
  await page.getByRole("button", { name: "Assign a deck" }).click();
  let assign = page.getByRole("dialog", { name: "Assign a deck" });
  await assign.getByLabel("Review goal").check();
  await assign.getByLabel("Deck").selectOption(deck.id);
  await assign.getByLabel("Due").fill(await localInput(page, 7 * 24 * 60));
  await assign.getByLabel("Target recall (%)").fill("85");
  await expectAccessible(page);
  await assign.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(assign).toBeHidden();
  await expect(page.getByRole("link", { name: `Review goal: ${deck.title}` })).toBeVisible();
  const reviewId = await assignmentIdOf(page, `Review goal: ${deck.title}`);

  // And as a quiz: open now, closing in an hour, 5 questions, 60 s.
  await page.getByRole("button", { name: "Assign a deck" }).click();
  assign = page.getByRole("dialog", { name: "Assign a deck" });
  await assign.getByLabel("Quiz").check();
  await assign.getByLabel("Deck").selectOption(deck.id);
  // More questions than the deck can supply: refused, with the number it can (this deck
  // supplies too few for any quiz; the larger one is assigned instead).
  await assign.getByLabel("Questions").fill("5");
  // The same minutes-and-seconds control as the student's quiz form.
  const timeLimit = assign.getByRole("group", { name: "Time limit" });
  await timeLimit.getByLabel("Minutes").fill("1");
  await timeLimit.getByLabel("Seconds").fill("0");
  await assign.getByLabel("Attempts allowed").fill("2");
  await assign.getByLabel("Opens").fill(await localInput(page, -1));
  await assign.getByLabel("Closes").fill(await localInput(page, 60));
  await assign.getByRole("button", { name: "Assign", exact: true }).click();
  // Said next to the field (and in the form's alert).
  await expect(assign.locator("p", { hasText: /^This deck can supply at most 3 questions for a quiz, fewer than the 5 a quiz needs/ })).toBeVisible();
  await expect(assign.getByLabel("Questions")).toHaveAttribute("aria-invalid", "true");
  const quizDeck = await sovietDeck(page);
  await assign.getByLabel("Deck").selectOption(quizDeck.id);
  await assign.getByLabel("Attempts allowed").fill("2");
  await assign.getByLabel("Opens").fill(await localInput(page, -1));
  await assign.getByLabel("Closes").fill(await localInput(page, 60));
  await assign.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(assign).toBeHidden();
  const quizId = await assignmentIdOf(page, `Quiz: ${quizDeck.title}`);

  // A student joins by code: a wrong code first, then the right one.
  const student = await studentPage(browser);
  const { id: studentId } = await register(student, "STUDENT", "Sam Student");
  await student.goto("/join?code=ZZZZ-ZZZZ");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(formAlert(student)).toHaveText("No class has this code. Check it with your teacher.");
  await expectAccessible(student);
  await student.getByLabel("Class code").fill(code.toLowerCase().replace("-", ""));
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("heading", { name: /^Hello,/ })).toBeVisible();
  await expect(student.getByRole("status").filter({ hasText: `You joined ${className}.` })).toBeVisible();
  await expect(student.getByText(/Study every card; target recall 85% by/)).toBeVisible();
  await expectAccessible(student);

  // Joining again says so.
  await student.goto(`/join?code=${code}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(formAlert(student)).toHaveText("You are already in this class.");

  // The student reviews one card of the assigned deck.
  await student.goto("/");
  await student.getByRole("link", { name: `Study this deck: ${deck.title}` }).click();
  await expect(student.getByRole("heading", { name: `Review: ${deck.title}` })).toBeVisible();
  await expect(student.locator("article[data-card-id]")).toBeVisible();
  await student.keyboard.press("Space");
  await expect(student.getByTestId("answer")).toBeVisible();
  await student.keyboard.press("3");
  await expect(student.getByTestId("save-status")).toHaveText(/All grades saved/);

  // The teacher gives the student extra time on the quiz.
  await page.goto(`/teacher/assignments/${quizId}`);
  await page.getByRole("button", { name: "Adjust accommodation for Sam Student" }).click();
  const accommodation = page.getByRole("dialog", { name: "Accommodation for Sam Student" });
  await accommodation.getByLabel("Extra-time factor (1–4)").fill("9");
  await accommodation.getByRole("button", { name: "Save" }).click();
  await expect(accommodation.getByRole("alert")).toContainText("timeFactor must be 1–4");
  await accommodation.getByLabel("Extra-time factor (1–4)").fill("1.5");
  await expectAccessible(page);
  await accommodation.getByRole("button", { name: "Save" }).click();
  await expect(accommodation).toBeHidden();
  await expect(page.locator(`[data-testid=progress-row][data-user-id="${studentId}"]`)).toContainText("×1.5 time");

  // And takes the quiz, started from the home page, with the extra time.
  await student.goto("/");
  await expect(student.getByText("5 questions · 90 s (extra time ×1.5)")).toBeVisible();
  const quizzes = student.getByRole("region", { name: "Quizzes open now" });
  await quizzes.getByRole("button", { name: `Start quiz: ${quizDeck.title}` }).click();
  await student.waitForURL(/\/quiz\/[0-9a-f-]{36}$/);
  const attemptId = student.url().split("/").at(-1)!;
  await answerOneAndSubmit(student, attemptId);

  // The teacher's progress view shows the student's work.
  await page.goto(`/teacher/assignments/${reviewId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Review goal: ${deck.title}` })).toBeVisible();

  // The teacher edits the goal: an impossible target is named in the form's own terms, then a new one shows.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const edit = page.getByRole("dialog", { name: "Edit the review goal" });
  await expect(edit.getByLabel("Target recall (%)")).toHaveValue("85");
  await edit.getByLabel("Target recall (%)").fill("150");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("alert")).toContainText("Enter a target recall from 0 to 100 (%).");
  await expect(edit.getByLabel("Target recall (%)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await edit.getByLabel("Target recall (%)").fill("90");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText(/^Target recall 90% by /)).toBeVisible();
  const row = page.locator(`[data-testid=progress-row][data-user-id="${studentId}"]`);
  await expect(row.getByRole("rowheader")).toContainText("Sam Student");
  await expect(row.locator("[data-col=cards]")).toHaveText(new RegExp(`^[1-9]\\d* / ${deck.cardCount}$`));
  await expect(row.locator("[data-col=reviews]")).toHaveText(/^[1-9]\d*$/);
  await expect(row.locator("[data-col=status]")).not.toHaveText("not started");
  await expect(page.getByRole("heading", { name: "Cards to re-teach" })).toBeVisible();
  await expect(page.locator("blockquote").first()).toBeVisible();

  // Sortable by clicking the column headers.
  const reviewsHeader = page.getByRole("columnheader", { name: /^Reviews$/ });
  await expect(reviewsHeader).toHaveAttribute("aria-sort", "none");
  await reviewsHeader.getByRole("button").click();
  await expect(reviewsHeader).toHaveAttribute("aria-sort", "ascending");
  await reviewsHeader.getByRole("button").click();
  await expect(reviewsHeader).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Light theme" }).click();

  // The CSV download has a header row and the student's row.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8").split("\r\n");
  expect(csv[0]).toBe("name,email,cards_started,cards_total,reviews,time_spent_min,predicted_recall_pct,quiz_best_pct,quiz_last_pct,due_at,status");
  expect(csv.some((line) => line.startsWith("Sam Student,") && line.includes("@example.com,"))).toBe(true);

  // The quiz assignment shows the quiz score.
  await page.goto(`/teacher/assignments/${quizId}`);
  const quizRow = page.locator(`[data-testid=progress-row][data-user-id="${studentId}"]`);
  await expect(quizRow.locator("[data-col=quiz-best]")).toHaveText(/^\d+%$/);
  // No pass mark set: a finished quiz is "finished", not "complete" (issue 14).
  await expect(quizRow.locator("[data-col=status]")).toHaveText("finished");
  // The quiz item analysis counts the finished attempt.
  await expect(page.getByRole("heading", { name: "Quiz item analysis" })).toBeVisible();
  await expect(page.getByText(/^1 finished attempt by 1 student\./)).toBeVisible();
  await expect(page.getByTestId("item-row").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calibration: predicted against actual recall" })).toBeVisible();

  // The student is kept out of the teacher's pages and API.
  for (const path of ["/teacher", `/teacher/classes/${classId}`, `/teacher/assignments/${reviewId}`]) {
    const res = await student.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(student.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  await expectAccessible(student);
  for (const path of [`/api/assignments/${reviewId}/progress`, `/api/assignments/${reviewId}/progress.csv`, `/api/assignments/${reviewId}/cards`]) {
    expect((await student.request.get(path)).status(), path).toBe(403);
  }
  await student.context().close();
});

test("a teacher renames, makes a new code, removes a student and archives; a student leaves", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await register(page, "TEACHER", "Tina Teacher");
  const created = await page.request.post("/api/classes", { data: { name: `History 10A ${hex()}` } });
  expect(created.status()).toBe(201);
  const { class: cls } = (await created.json()) as { class: { id: string; joinCode: string } };
  await page.goto(`/teacher/classes/${cls.id}`);

  // Rename.
  const newName = `History 10B ${hex()}`;
  await page.getByLabel("Class name").fill(newName);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Renamed" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: newName })).toBeVisible();

  // A teacher cannot join their own class.
  await page.goto(`/join?code=${cls.joinCode}`);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(formAlert(page)).toHaveText("You teach this class, so you cannot join it as a student.");

  // A student joins; the teacher removes them.
  const student = await studentPage(browser);
  await register(student, "STUDENT", "Rita Removed");
  expect((await student.request.post("/api/classes/join", { data: { code: cls.joinCode } })).status()).toBe(201);
  await page.goto(`/teacher/classes/${cls.id}`);
  await expect(page.getByRole("heading", { name: "Students (1)" })).toBeVisible();
  await page.getByRole("button", { name: "Remove Rita Removed" }).click();
  const remove = page.getByRole("dialog", { name: `Remove Rita Removed from ${newName}?` });
  await expectAccessible(page);
  await remove.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByRole("heading", { name: "Students (0)" })).toBeVisible();

  // A new code: the old one stops working, the new one works.
  await page.getByRole("button", { name: "New code" }).click();
  await page.getByRole("dialog", { name: "Make a new join code?" }).getByRole("button", { name: "Make a new code" }).click();
  await expect(page.getByTestId("join-code")).not.toHaveText(cls.joinCode);
  const code = ((await page.getByTestId("join-code").textContent()) ?? "").trim();
  await student.goto(`/join?code=${cls.joinCode}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(formAlert(student)).toHaveText("No class has this code. Check it with your teacher.");
  await student.getByLabel("Class code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: `You joined ${newName}.` })).toBeVisible();

  // The student leaves from their home page.
  await student.getByRole("button", { name: `Leave class ${newName}` }).click();
  await student.getByRole("dialog", { name: `Leave ${newName}?` }).getByRole("button", { name: "Leave", exact: true }).click();
  await expect(student.getByText("You are not in a class yet.")).toBeVisible();

  // Archived: the code stops working until the class is unarchived.
  await page.getByRole("button", { name: "Archive class" }).click();
  await page.getByRole("dialog", { name: "Archive this class?" }).getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${newName} (archived)` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unarchive class" })).toBeVisible();
  expect((await student.request.post("/api/classes/join", { data: { code } })).status()).toBe(404);
  await page.getByRole("button", { name: "Unarchive class" }).click();
  await expect(page.getByRole("button", { name: "Archive class" })).toBeVisible();
  expect((await student.request.post("/api/classes/join", { data: { code } })).status()).toBe(201);
  await student.context().close();
});

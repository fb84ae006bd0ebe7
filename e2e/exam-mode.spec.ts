// Exam date mode in real Chromium (issue 14): a student turns it on for their review
// assignment from the home page and off again; the teacher's progress table shows the
// reviews a day each student needs to reach the target by the due date. No axe violation
// at all on either page (the fixture checks serious ones on every load).
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demoPassword, expect, signIn, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

type Assignment = { id: string; kind: string; deck: { title: string }; examMode: { desiredRetention: number; until: string } | null };
type Row = { userId: string; email: string; cardsTotal: number };
type Plan = { userId: string; cardsToReview: number; daysLeft: number; perDay: number };

test("a student turns exam mode on and off; the teacher sees the reviews a day needed", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A fresh student in the demo class, whose review goal (target 85 %) is due in 14 days.
  const email = `exam-${randomBytes(4).toString("hex")}@example.com`;
  expect((await page.request.post("/api/register", { data: { email, password: PASSWORD, name: "Esme Exam", role: "STUDENT" } })).status()).toBe(201);
  await signIn(page, email, PASSWORD);
  expect((await page.request.post("/api/classes/join", { data: { code: "DEMO-HIST" } })).status()).toBe(201);
  const review = ((await (await page.request.get("/api/assignments")).json()) as { assignments: Assignment[] }).assignments.find((a) => a.kind === "REVIEW")!;
  expect(review.examMode).toBeNull();

  await page.goto("/");
  const item = page.getByRole("article", { name: `Review: ${review.deck.title}` });
  await item.getByRole("button", { name: `Exam mode for ${review.deck.title}` }).click();
  const dialog = page.getByRole("dialog", { name: `Exam mode for ${review.deck.title}` });
  await expect(dialog).toContainText("they come back sooner");
  await expectNoViolations(page);
  await dialog.getByRole("button", { name: "Turn on" }).click();
  await expect(dialog).toBeHidden();
  // 5 points above the higher of the student's 90 % and the 85 % target.
  await expect(item).toContainText("Exam mode on: scheduled for 95% recall until");
  await expectNoViolations(page);
  const on = ((await (await page.request.get("/api/assignments")).json()) as { assignments: Assignment[] }).assignments.find((a) => a.id === review.id)!;
  expect(on.examMode?.desiredRetention).toBe(0.95);
  // Bad input: a clear 4xx, nothing changed.
  expect((await page.request.put("/api/assignments/00000000-0000-4000-8000-000000000000/exam-mode")).status()).toBe(404);
  expect((await page.request.put("/api/assignments/not-an-id/exam-mode")).status()).toBe(404);

  // The teacher's progress table: the student has studied nothing, so every card of the deck
  // is to be reviewed, spread over the days left.
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "teacher@demo.local", demoPassword());
  const progress = (await (await teacher.request.get(`/api/assignments/${review.id}/progress`)).json()) as { students: Row[] };
  const row = progress.students.find((s) => s.email === email)!;
  const plans = (await (await teacher.request.get(`/api/assignments/${review.id}/exam-plan`)).json()) as { students: Plan[] };
  const plan = plans.students.find((p) => p.userId === row.userId)!;
  expect(plan.cardsToReview).toBe(row.cardsTotal);
  expect(plan.perDay).toBe(Math.ceil(row.cardsTotal / plan.daysLeft));
  await teacher.goto(`/teacher/assignments/${review.id}`);
  // Under the predicted recall: "+N/day", read out in full.
  const cell = teacher.locator(`tr[data-user-id="${row.userId}"] td[data-col="recall"]`).getByTestId("exam-plan");
  await expect(cell).toContainText(`+${plan.perDay}/day`);
  await expect(cell).toContainText(new RegExp(`a day needed to reach the target \\(${plan.cardsToReview} cards? in ${plan.daysLeft} days?\\)`));
  // The student's side of the same plan, on their home page.
  await expect(item).toContainText(`to reach the target: ${plan.perDay} ${plan.perDay === 1 ? "card" : "cards"} a day`);
  await expectNoViolations(teacher);

  // Off again, from the home page.
  await page.reload();
  await item.getByRole("button", { name: `Turn off exam mode for ${review.deck.title}` }).click();
  await page.getByRole("dialog", { name: `Turn off exam mode for ${review.deck.title}?` }).getByRole("button", { name: "Turn off" }).click();
  await expect(item).not.toContainText("Exam mode on");
  await expect(item.getByRole("button", { name: `Exam mode for ${review.deck.title}` })).toBeVisible();
});

// Issue 12, "Teacher accounts": teacher sign-up needs an invitation. A teacher makes one on
// the teaching page; the registration form offers the teacher role only with it; the link
// registers one teacher, once.
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { demoPassword, expect, formAlert, signIn, test } from "./fixtures";

const PASSWORD = "invited-teacher-password";

async function newPage(browser: Browser) {
  return (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
}

test("a teacher invites a colleague, who registers as a teacher with the link, once", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Without an invitation the form offers no teacher account.
  const stranger = await newPage(browser);
  await stranger.goto("/register");
  await expect(stranger.getByRole("button", { name: "Create account" })).toBeEnabled();
  await expect(stranger.getByRole("radio", { name: "Teacher" })).toHaveCount(0);
  await stranger.context().close();

  await signIn(page, "teacher@demo.local", demoPassword());
  await page.goto("/teacher");
  await page.getByRole("button", { name: "Invite a teacher" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a teacher" });
  await dialog.getByRole("button", { name: "Make an invitation" }).click();
  const url = await dialog.getByLabel("Give this link to your colleague").inputValue();
  expect(url).toMatch(/\/register#invite=[A-Za-z0-9_-]{43}$/);

  const colleague = await newPage(browser);
  await colleague.goto(url);
  await expect(colleague.getByText("You were invited to register as a teacher.")).toBeVisible();
  await expect(colleague.getByRole("radio", { name: "Teacher" })).toBeChecked();
  const email = `invited-${randomBytes(4).toString("hex")}@example.com`;
  await colleague.getByLabel("Name").fill("Ines Invited");
  await colleague.getByLabel("Email").fill(email);
  await colleague.getByLabel("Password (at least 10 characters)").fill(PASSWORD);
  await colleague.getByRole("button", { name: "Create account" }).click();
  await expect(colleague.getByRole("heading", { name: /^Hello,/ })).toBeVisible();
  await colleague.goto("/teacher");
  await expect(colleague.getByRole("heading", { name: "Teaching" })).toBeVisible();
  await colleague.context().close();

  // The link is spent.
  const latecomer = await newPage(browser);
  await latecomer.goto(url);
  await latecomer.getByLabel("Name").fill("Lars Late");
  await latecomer.getByLabel("Email").fill(`late-${randomBytes(4).toString("hex")}@example.com`);
  await latecomer.getByLabel("Password (at least 10 characters)").fill(PASSWORD);
  await latecomer.getByRole("button", { name: "Create account" }).click();
  await expect(formAlert(latecomer)).toContainText("already used");
  await latecomer.context().close();
});

import { randomBytes } from "node:crypto";
import { demoPassword, expect, formAlert, signIn, test } from "./fixtures";

test("an anonymous visitor is sent to sign-in", async ({ page }) => {
  await page.goto("/decks");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdecks/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("the API answers 401 with the error shape to an anonymous client", async ({ request }) => {
  const res = await request.get("/api/decks");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in first." } });
});

test("register, sign out, sign in again", async ({ page }) => {
  const email = `e2e-${randomBytes(4).toString("hex")}@example.com`;
  await page.goto("/register");
  await page.getByLabel("Name").fill("Ada Student");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(formAlert(page)).toContainText("at least 10 characters");

  await page.getByLabel(/^Password/).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Ada Student" })).toBeVisible();

  await page.locator("summary", { hasText: "account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Incorrect email or password.");

  await signIn(page, email, "a-long-enough-password");
});

test("registering an email twice is refused with a clear message", async ({ page, request }) => {
  const email = `dup-${randomBytes(4).toString("hex")}@example.com`;
  const first = await request.post("/api/register", { data: { email, password: "a-long-enough-password", name: "One", role: "STUDENT" } });
  expect(first.status()).toBe(201);
  await page.goto("/register");
  await page.getByLabel("Name").fill("Two");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(formAlert(page)).toContainText("already exists");
});

test("demo accounts can sign in; the student is kept out of teacher pages", async ({ page }) => {
  await signIn(page, "student@demo.local", demoPassword());
  await expect(page.getByRole("link", { name: "Teaching" })).toHaveCount(0);
  const res = await page.goto("/teacher");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("the demo teacher sees their class", async ({ page }) => {
  await signIn(page, "teacher@demo.local", demoPassword());
  await page.getByRole("link", { name: "Teaching" }).click();
  await expect(page.getByRole("heading", { name: "Teaching" })).toBeVisible();
  await expect(page.getByText("DEMO-HIST")).toBeVisible();
});

test("a new student following a join link keeps it through registration", async ({ page }) => {
  await page.goto("/join?code=ABC234");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole("link", { name: "Create one" }).click();
  await expect(page).toHaveURL(/\/register\?callbackUrl=%2Fjoin%3Fcode%3DABC234/);
  await page.getByLabel("Name").fill("Joining Student");
  await page.getByLabel("Email").fill(`e2e-${randomBytes(4).toString("hex")}@example.com`);
  await page.getByLabel(/^Password/).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/join\?code=ABC234$/);
  await expect(page.getByLabel(/code/i)).toHaveValue("ABC234");
});

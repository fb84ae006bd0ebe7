// Issue 15: the front door, account settings, password recovery without mail, the learner's
// clock at registration, human errors and marked inputs, and the phone header.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { E2E_DATA_DIR, E2E_PG_PORT, E2E_PORT } from "./env";
import { expect, formAlert, signIn, teacherInvitation, test } from "./fixtures";

const PASSWORD = "account-e2e-password";

// Several browsers, argon2 hashes and full axe runs per test, on a machine shared with other runs.
test.describe.configure({ timeout: 120_000 });
const hex = () => randomBytes(4).toString("hex");

async function registerAndSignIn(page: Page, name: string, role: "STUDENT" | "TEACHER" = "STUDENT", password = PASSWORD) {
  const email = `acct-${hex()}@example.com`;
  const invitation = role === "TEACHER" ? { invitation: await teacherInvitation() } : {};
  expect((await page.request.post("/api/register", { data: { email, password, name, role, ...invitation } })).status()).toBe(201);
  await signIn(page, email, password);
  return email;
}

async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  return (await browser.newContext(options)).newPage();
}

/** No axe violation at all (the fixture checks serious and critical ones on every load). */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Every response of a page load with status 404 (a missing favicon would show here). */
function collect404s(page: Page): string[] {
  const missing: string[] = [];
  page.on("response", (res) => {
    if (res.status() === 404) missing.push(res.url());
  });
  return missing;
}

test.describe("front door", () => {
  test("a signed-out visitor gets a landing page with the way in, and no 404 for icons", async ({ page }) => {
    const missing = collect404s(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Remember history from its sources" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "For students" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "For teachers" })).toBeVisible();
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
    await page.waitForLoadState("networkidle");
    expect(missing).toEqual([]);
    for (const path of ["/favicon.ico", "/icon.svg", "/apple-icon.png", "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png"]) {
      const res = await page.request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
    }
    await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
    await page.goto("/");
    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("a signed-in user still lands on their home page", async ({ page }) => {
    await registerAndSignIn(page, "Home Owner");
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Hello, Home Owner" })).toBeVisible();
  });

  test("the landing page on a phone fits the width", async ({ browser }) => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await page.context().close();
  });
});

test.describe("header", () => {
  test("on a phone the header is one row and its menu holds the nav and the account", async ({ browser }) => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await registerAndSignIn(page, "Phone Teacher", "TEACHER");
    const header = page.locator("body > header");
    const height = (await header.boundingBox())!.height;
    expect(height).toBeLessThan(64);
    await expect(page.getByRole("link", { name: "Teaching" })).toBeHidden();

    const menu = page.locator("summary").filter({ hasText: /^Menu/ });
    await menu.click();
    await expect(page.getByRole("link", { name: "Teaching" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Decks" }).click();
    await expect(page).toHaveURL(/\/decks$/);
    await expect(page.getByRole("link", { name: "Teaching" })).toBeHidden();
    expect((await header.boundingBox())!.height).toBe(height);

    // Escape closes it and gives focus back to its button.
    await menu.click();
    await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("link", { name: "Settings" })).toBeHidden();
    await expect(menu).toBeFocused();
    await page.context().close();
  });

  test("on a laptop the nav is inline and the account menu is a native disclosure, keyboard-operable", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await registerAndSignIn(page, "Desk Student");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" })).toBeVisible();
    const account = page.locator("summary", { hasText: "account menu" });
    await account.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
    await expectAccessible(page);
    // A click elsewhere closes it.
    await page.getByRole("heading", { name: "Hello, Desk Student" }).click();
    await expect(page.getByRole("link", { name: "Settings" })).toBeHidden();
    // Sign out from it.
    await account.click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/decks");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });
});

test.describe("account settings", () => {
  test("name and email change; a taken email is refused on the field; the header follows", async ({ page }) => {
    const other = `taken-${hex()}@example.com`;
    expect((await page.request.post("/api/register", { data: { email: other, password: PASSWORD, name: "Other", role: "STUDENT" } })).status()).toBe(201);
    await registerAndSignIn(page, "Nina Name");
    await page.goto("/settings");
    await page.getByLabel("Name").fill("Nina Renamed");
    await page.getByLabel("Email", { exact: true }).fill(other.toUpperCase());
    await page.getByRole("button", { name: "Save name and email" }).click();
    await expect(formAlert(page).first()).toContainText("Another account already uses this email");
    const email = page.getByLabel("Email", { exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    expect(await email.evaluate((el) => getComputedStyle(el).borderTopColor)).not.toBe(await page.getByLabel("Name").evaluate((el) => getComputedStyle(el).borderTopColor));
    await expectAccessible(page);

    const mine = `mine-${hex()}@example.com`;
    await email.fill(mine);
    await page.getByRole("button", { name: "Save name and email" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await page.reload();
    await expect(page.locator("summary", { hasText: "account menu" })).toContainText("Nina Renamed");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(mine);
  });

  test("a password change needs the current password and signs out every other device, not this one", async ({ page, browser }) => {
    const email = await registerAndSignIn(page, "Paul Password");
    const other = await newPage(browser);
    await signIn(other, email, PASSWORD);

    await page.goto("/settings");
    await page.getByLabel("Current password").fill("not-the-password");
    await page.getByLabel("New password (at least 10 characters)").fill("brand-new-password-1");
    await page.getByLabel("New password again").fill("brand-new-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(formAlert(page)).toContainText("current password is not correct");
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

    // This device: still signed in. The other: signed out.
    await page.goto("/decks");
    await expect(page.getByRole("heading", { name: "Decks" })).toBeVisible();
    expect((await page.request.get("/api/decks")).status()).toBe(200);
    await other.goto("/decks");
    await expect(other).toHaveURL(/\/signin/);
    expect((await other.request.get("/api/decks")).status()).toBe(401);
    await signIn(other, email, "brand-new-password-1");
    await other.context().close();
  });

  test("leaving Settings with unsaved changes asks first", async ({ page }) => {
    await registerAndSignIn(page, "Guarded");
    await page.goto("/settings");
    await expect(page.getByLabel("New cards per day")).toHaveValue("20");
    await page.getByLabel("New cards per day").fill("15");

    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
    await expect.poll(() => asked).toContain("unsaved changes");
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByLabel("New cards per day")).toHaveValue("15");

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
    await expect(page).toHaveURL(/\/decks$/);

    // Saved changes leave without a question.
    await page.goto("/settings");
    await page.getByLabel("New cards per day").fill("15");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    let askedAgain = false;
    page.once("dialog", (d) => {
      askedAgain = true;
      void d.accept();
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
    await expect(page).toHaveURL(/\/decks$/);
    expect(askedAgain).toBe(false);
  });

  test("errors read as sentences and mark their inputs", async ({ page }) => {
    await registerAndSignIn(page, "Erin Error");
    await page.goto("/settings");
    await page.getByLabel("New cards per day").fill("-1");
    await page.getByLabel("Learning steps", { exact: true }).fill("1m soon");
    await page.getByRole("button", { name: "Save settings" }).click();
    const alert = formAlert(page);
    await expect(alert).toContainText("New cards per day must be 0–9999");
    await expect(alert).toContainText("Learning steps, item 2:");
    await expect(alert).not.toContainText("newPerDay");
    await expect(page.getByLabel("New cards per day")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Learning steps", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });
});

test.describe("the learner's clock", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("a new account takes the browser's time zone; names are kept as chosen", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("Name").fill("Berta Berlin");
    await page.getByLabel("Email").fill(`berlin-${hex()}@example.com`);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Hello, Berta Berlin" })).toBeVisible();
    await page.goto("/settings");
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
    await expect(page.getByRole("button", { name: /^Use / })).toHaveCount(0);

    await page.getByLabel("Time zone").fill("Asia/Kolkata");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Kolkata");
    // Settings offers the browser's zone when it differs.
    await page.getByRole("button", { name: "Use Europe/Berlin" }).click();
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  });
});

test.describe("password recovery without mail", () => {
  test("a teacher makes a one-time link for a student of their class; it sets a new password and ends the student's sessions", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await registerAndSignIn(page, "Tess Teacher", "TEACHER");
    const created = await page.request.post("/api/classes", { data: { name: `History ${hex()}` } });
    const { class: cls } = (await created.json()) as { class: { id: string; joinCode: string } };

    const student = await newPage(browser);
    const studentEmail = await registerAndSignIn(student, "Sam Forgetful");
    expect((await student.request.post("/api/classes/join", { data: { code: cls.joinCode } })).status()).toBe(201);

    // Another teacher cannot make one for this student.
    const stranger = await newPage(browser);
    await registerAndSignIn(stranger, "Other Teacher", "TEACHER");
    const studentId = ((await (await student.request.get("/api/account")).json()) as { account: { id: string } }).account.id;
    expect((await stranger.request.post(`/api/classes/${cls.id}/students/${studentId}/reset-link`)).status()).toBe(404);
    await stranger.context().close();

    await page.goto(`/teacher/classes/${cls.id}`);
    await page.getByRole("button", { name: "Password reset link for Sam Forgetful" }).click();
    const dialog = page.getByRole("dialog", { name: "Password reset link for Sam Forgetful" });
    await dialog.getByRole("button", { name: "Make a link" }).click();
    const url = await dialog.getByLabel(/Give this link to Sam Forgetful/).inputValue();
    expect(url).toMatch(/\/reset-password#token=[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);

    const anon = await newPage(browser);
    await anon.goto(url);
    await expect(anon.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await anon.getByLabel("New password (at least 10 characters)").fill("short");
    await anon.getByLabel("New password again").fill("short");
    await anon.getByRole("button", { name: "Set new password" }).click();
    await expect(formAlert(anon)).toContainText("at least 10 characters");
    await expect(anon.getByLabel("New password (at least 10 characters)")).toHaveAttribute("aria-invalid", "true");
    await anon.getByLabel("New password (at least 10 characters)").fill("recovered-password-1");
    await anon.getByLabel("New password again").fill("recovered-password-1");
    await anon.getByRole("button", { name: "Set new password" }).click();
    await expect(anon.getByRole("status")).toContainText("Your password is changed");
    await expectAccessible(anon);

    // The student's old session ended; the new password works; the link works only once.
    await student.goto("/decks");
    await expect(student).toHaveURL(/\/signin/);
    await signIn(student, studentEmail, "recovered-password-1");
    await anon.goto("about:blank");
    await anon.goto(url);
    await anon.getByLabel("New password (at least 10 characters)").fill("another-password-2");
    await anon.getByLabel("New password again").fill("another-password-2");
    await anon.getByRole("button", { name: "Set new password" }).click();
    await expect(formAlert(anon)).toContainText("already used");
    await student.context().close();
    await anon.context().close();
  });

  test("the operator's 'npm run reset-password -- EMAIL' prints a working link", async ({ page }) => {
    const email = await registerAndSignIn(page, "Olga Operator");
    const out = execFileSync("node", ["--import", "tsx", "lib/cli/reset-password.ts", email.toUpperCase()], {
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, PG_PORT: String(E2E_PG_PORT), DATABASE_URL: "", NEXTAUTH_URL: `http://localhost:${E2E_PORT}`, SMTP_URL: "" },
      encoding: "utf8",
    });
    const url = /http:\/\/localhost:\d+\/reset-password#token=[A-Za-z0-9_-]{43}/.exec(out)?.[0];
    expect(url, out).toBeDefined();
    await page.goto(url!);
    await page.getByLabel("New password (at least 10 characters)").fill("operator-set-password");
    await page.getByLabel("New password again").fill("operator-set-password");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password is changed");
    await page.getByRole("link", { name: "Sign in with your new password" }).click();
    await signIn(page, email, "operator-set-password");
  });

  test("without SMTP, the forgot-password page says whom to ask", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await expect(page.getByText("Ask your teacher")).toBeVisible();
    await expect(page.locator("code", { hasText: "npm run reset-password" })).toBeVisible();
    const res = await page.request.post("/api/password-reset/request", { data: { email: "anyone@example.com" } });
    expect(res.status()).toBe(404);
  });
});

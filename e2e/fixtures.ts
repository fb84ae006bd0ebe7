// Shared e2e helpers: an axe-core check on every page a test visits, and the demo
// accounts the local-mode server created.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DATA_DIR = path.resolve(import.meta.dirname, "../.data/e2e");

export function demoPassword(): string {
  return (JSON.parse(fs.readFileSync(path.join(DATA_DIR, "local-secrets.json"), "utf8")) as { demoPassword: string }).demoPassword;
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

// Every page load in every test gets an accessibility check.
export const test = base.extend<{ a11y: void }>({
  a11y: [
    async ({ page }, use) => {
      const checked = new Set<string>();
      const pending: Promise<void>[] = [];
      page.on("load", () => {
        const url = page.url();
        if (checked.has(url)) return;
        checked.add(url);
        pending.push(
          (async () => {
            await page.waitForLoadState("networkidle").catch(() => {});
            if (page.url() === url) await expectAccessible(page);
          })(),
        );
      });
      await use();
      await Promise.all(pending);
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /^Hello,/ })).toBeVisible();
}

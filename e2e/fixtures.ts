// Shared e2e helpers: an axe-core check on every page a test visits, and the demo
// accounts the local-mode server created.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, request, type Page } from "@playwright/test";
import { E2E_DATA_DIR } from "./env";


export function demoPassword(): string {
  return (JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, "local-secrets.json"), "utf8")) as { demoPassword: string }).demoPassword;
}

/**
 * A one-time teacher invitation token, made over the API by the demo teacher: registering a
 * teacher account needs one (README, "Accounts and roles"). Its own request context, so no
 * page's cookies change.
 */
export async function teacherInvitation(): Promise<string> {
  const api = await request.newContext({ baseURL: base.info().project.use.baseURL });
  try {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedIn = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: "teacher@demo.local", password: demoPassword(), json: "true" } });
    expect(signedIn.status()).toBe(200);
    const res = await api.post("/api/teacher-invitations");
    expect(res.status()).toBe(201);
    return ((await res.json()) as { invitation: { url: string } }).invitation.url.split("#invite=")[1]!;
  } finally {
    await api.dispose();
  }
}

/** The page's serious and critical axe-core violations, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export const test = base.extend<{ a11y: void; csp: void }>({
  // Every page of a test's context runs under the app's Content-Security-Policy (issue 12):
  // anything it refuses (a script, an inline handler, a style, a frame) raises the document's
  // securitypolicyviolation event, which an init script (injected by the browser, outside the
  // policy) reports; a report fails the test.
  csp: [
    async ({ context }, use) => {
      const refused: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline code"} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      context.on("console", (msg) => {
        if (msg.text().startsWith("CSP violation:")) refused.push(`${msg.location().url}: ${msg.text()}`);
      });
      await use();
      expect(refused, "requests refused by the Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
  // Every page load in every test gets an accessibility check. A check interrupted by the
  // next navigation is dropped (that next page gets its own); real violations fail the test.
  a11y: [
    async ({ page }, use) => {
      const checked = new Set<string>();
      const failures: string[][] = [];
      let chain = Promise.resolve();
      page.on("load", () => {
        const url = page.url();
        if (checked.has(url)) return;
        checked.add(url);
        chain = chain.then(async () => {
          try {
            await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => {});
            if (page.isClosed() || page.url() !== url) return;
            const serious = await seriousViolations(page);
            if (serious.length) failures.push([url, ...serious]);
          } catch {
            // Navigated or closed mid-check.
          }
        });
      });
      await use();
      await Promise.race([chain, new Promise((r) => setTimeout(r, 15_000))]);
      expect(failures, "serious or critical accessibility violations").toEqual([]);
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

/** The form's own alert (Next.js also keeps an empty role=alert route announcer). */
export function formAlert(page: Page) {
  return page.locator("main [role=alert]");
}

import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// e2e runs the real `npm start` path in local mode: a fresh embedded Postgres in its own
// data folder, migrations, content decks, demo accounts, the production build.
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, ".data/e2e");
const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium where Playwright's own browser cannot be downloaded (see README).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".data/test-reports/e2e.json" }]] : [["list"], ["json", { outputFile: ".data/test-reports/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: `rm -rf "${E2E_DATA_DIR}" && node --import tsx lib/cli/start.ts`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      PG_PORT: String(process.env.E2E_PG_PORT ?? 54339),
      DATABASE_URL: "",
    },
  },
});

import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_DATA_DIR, E2E_PG_PORT, E2E_PORT as PORT } from "./e2e/env";

// e2e runs the real `npm start` path in local mode: a fresh embedded Postgres in its own
// data folder, migrations, content decks, demo accounts, the production build.

// Debian's Chromium where Playwright's own browser cannot be downloaded (see README).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-reports/e2e.json" }]],
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
      PG_PORT: String(E2E_PG_PORT),
      DATABASE_URL: "",
    },
  },
});

// Where the e2e server runs and keeps its data: per port, so two runs on one machine
// (E2E_PORT=3200 npx playwright test) never share, or delete, each other's database.
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? E2E_PORT + 51239);
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, `../.data/e2e-${E2E_PORT}`);

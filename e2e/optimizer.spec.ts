// "Optimize my scheduler" end to end: a learner with a seeded history (a simulated learner's
// 3,000 reviews, written straight into the e2e database, as months of reviewing would have
// left them) runs the optimizer from /stats and sees the fitted set compared with the defaults.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { optimizerStatusSchema } from "@/lib/api/optimizer";
import { simulateLearner } from "@/lib/srs/simulate";
import { defaultWeights } from "@/lib/srs/weights";
import { E2E_DATA_DIR, E2E_PG_PORT } from "./env";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "a-long-enough-password";
const DAY = 86_400_000;

async function seedHistory(email: string): Promise<number> {
  const { pgPassword } = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, "local-secrets.json"), "utf8")) as { pgPassword: string };
  const client = new pg.Client({ connectionString: `postgresql://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${E2E_PG_PORT}/history_cards` });
  await client.connect();
  try {
    // The same simulated learner as lib/optimizer/optimizer.test.ts (seed "t"), on a deck of
    // the learner's own so no other test sees its cards.
    const trueWeights = defaultWeights().map((w, i) => (i < 4 ? w * 4 : w));
    const log = simulateLearner({ trueWeights, cards: 1500, reviews: 3000, seed: "t" });
    const { rows: [deck] } = await client.query<{ id: string }>(
      `INSERT INTO "Deck" (id, slug, title, status, "ownerId", "updatedAt") SELECT gen_random_uuid(), $2, 'Simulated history', 'DRAFT', id, now() FROM "User" WHERE email = $1 RETURNING id`,
      [email, `sim-${email}`],
    );
    const cards = [...new Set(log.map((r) => r.cardId))];
    await client.query(
      `INSERT INTO "Card" (id, "deckId", kind, subject, prompt, answer, quote, start, "end", "updatedAt")
       SELECT $2 || '-' || c, $1, 'BASIC', c, c, c, 'q', 0, 1, now() FROM unnest($3::text[]) c`,
      [deck!.id, deck!.id, cards],
    );
    const start = Date.now() - 400 * DAY;
    await client.query(
      `INSERT INTO "ReviewLog" ("userId", "cardId", rating, "reviewedAt", "durationMs", "stateAfter", params, "idempotencyKey")
       SELECT u.id, $6 || '-' || r.card, r.rating, to_timestamp(r.at / 1000.0), 3000, '{}', '{}', 'seed-' || r.n
         FROM "User" u, unnest($2::text[], $3::int[], $4::float8[], $5::int[]) AS r(card, rating, at, n) WHERE u.email = $1`,
      [email, log.map((r) => r.cardId), log.map((r) => r.rating), log.map((r, i) => start + r.day * DAY + i), log.map((_, i) => i), deck!.id],
    );
    return log.length;
  } finally {
    await client.end();
  }
}

test("a learner optimizes their scheduler on a seeded history and sees the comparison", async ({ page }) => {
  const email = `optimizer-${randomBytes(4).toString("hex")}@example.com`;
  expect((await page.request.post("/api/register", { data: { email, password: PASSWORD, name: "Olga Optimizer", role: "STUDENT" } })).status()).toBe(201);
  expect(await seedHistory(email)).toBe(3000);
  await signIn(page, email, PASSWORD);

  await page.goto("/stats");
  await expect(page.getByTestId("optimizer-active")).toHaveText("the default parameters");
  await page.getByRole("button", { name: "Optimize my scheduler" }).click();
  const result = page.getByTestId("optimizer-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText("All of the parameters were fitted to your reviews.");
  await expect(result.getByRole("row", { name: /^In use before/ })).toBeVisible();
  await expect(result.getByRole("row", { name: /^Fitted/ })).toBeVisible();
  await expect(result).toContainText("The fitted parameters predict them better, so they are now in use.");
  await expect(page.getByTestId("optimizer-active")).toHaveText(/^fitted on \d{4}-\d{2}-\d{2}$/);

  const status = optimizerStatusSchema.parse(await (await page.request.get("/api/optimizer")).json());
  expect(status.run!.result!.fitted!.logLoss).toBeLessThan(status.run!.result!.current!.logLoss);
  expect(status.activeId).toBe(status.sets[0]!.id);

  // Switch back to the defaults.
  await page.getByRole("button", { name: "Switch back to the default parameters" }).click();
  await expect(page.getByTestId("optimizer-active")).toHaveText("the default parameters");
  expect((await page.request.put("/api/optimizer/active", { data: { parametersId: "00000000-0000-4000-8000-000000000000" } })).status()).toBe(404);
});

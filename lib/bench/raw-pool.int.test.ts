// The bench used to die after printing its figures: its raw pool had no 'error' listener, and
// the embedded server stopping after pool.end() sent the still-closing connections
// "terminating connection due to administrator command" (57P01). pg_terminate_backend sends
// the very same error without stopping the test's server.
import { afterAll, beforeAll, expect, it } from "vitest";
import { withClient } from "@/lib/db/with-client";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { rawPool } from "./raw-pool";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.drop());

const terminateOthers = (url: string) =>
  withClient(url, (c) => c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'raw-pool-test'`));

async function poolWithIdleConnections(lines: string[]) {
  const url = new URL(t.url);
  url.searchParams.set("application_name", "raw-pool-test");
  const pool = rawPool(url.toString(), 3, (line) => lines.push(line));
  const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
  for (const c of clients) c.release();
  return { pool, url: url.toString() };
}

const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

it("a server ending the connections of an ended pool does not end the process", async () => {
  process.on("uncaughtException", onUncaught);
  try {
    const lines: string[] = [];
    const { pool, url } = await poolWithIdleConnections(lines);
    const ending = pool.end();
    await terminateOthers(url);
    await ending;
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught).toEqual([]);
    expect(lines).toEqual([]);
  } finally {
    process.off("uncaughtException", onUncaught);
  }
});

it("an idle connection lost while the pool runs is logged, and the pool goes on", async () => {
  const lines: string[] = [];
  const { pool, url } = await poolWithIdleConnections(lines);
  await terminateOthers(url);
  await expect.poll(() => lines.length).toBe(3);
  expect(lines[0]).toMatch(/^raw pool: an idle connection was lost: terminating connection due to administrator command/);
  expect((await pool.query<{ n: number }>("SELECT 1 AS n")).rows[0]!.n).toBe(1);
  await pool.end();
});

// The bench's own throwaway database: a fresh embedded PostgreSQL in a temp folder on a
// free port (or a new database on BENCH_PG_URL's server), migrated, removed afterwards.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { withClient } from "@/lib/db/with-client";
import { freePort } from "@/lib/testing/free-port";

export type BenchDb = {
  /** The migrated, empty bench database; on the embedded server over its Unix socket, as `npm start` connects the app. */
  url: string;
  /** Drops the database, or stops the embedded server and deletes its folder. */
  dispose(): Promise<void>;
};

function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(sql));
}

/** `serverUrl`: a superuser URL (BENCH_PG_URL); unset: start an embedded server. */
export async function throwawayDatabase(serverUrl: string | undefined, log: (m: string) => void): Promise<BenchDb> {
  const name = `hc_bench_${randomBytes(4).toString("hex")}`;
  let url: string;
  let dispose: () => Promise<void>;
  if (serverUrl) {
    await onServer(serverUrl, `CREATE DATABASE "${name}"`);
    url = withDatabase(serverUrl, name);
    dispose = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    log(`database ${name} on BENCH_PG_URL's server`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-bench-pg-"));
    const port = await freePort();
    const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port, password: randomBytes(12).toString("hex") });
    await server.createDatabase(name);
    url = server.socketUrl(name);
    dispose = async () => {
      await server.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    };
    log(`embedded PostgreSQL in ${dir} on port ${port}`);
  }
  try {
    await migrate(url);
  } catch (err) {
    await dispose();
    throw err;
  }
  return { url, dispose };
}

// `npm start` faults a newcomer may meet: they must get one clear line, not a stack trace.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "@/lib/config/root";
import { startEmbedded } from "@/lib/db/embedded";
import { withClient } from "@/lib/db/with-client";
import { freePort } from "@/lib/testing/free-port";

function npmStart(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/cli/start.ts")], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
}

describe("npm start", () => {
  it("names the host and what to check when the database is unreachable", () => {
    const res = npmStart({ DATABASE_URL: "postgresql://app:secret@127.0.0.1:1/appdb", PORT: "3999" });
    expect(res.status).not.toBe(0);
    const lines = res.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Cannot reach the database at 127\.0\.0\.1:1 \(database "appdb"\).*Check that PostgreSQL is running/);
    expect(res.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(res.stderr).not.toContain("secret");
  });

  it("refuses to share a data folder with a running instance", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-inuse-"));
    const running = await startEmbedded({ dataDir: path.join(dataDir, "pg"), port: 54397, password: "first-instance" });
    try {
      const res = npmStart({ DATABASE_URL: "", DATA_DIR: dataDir, PG_PORT: "54396", PORT: "3998" });
      expect(res.status).not.toBe(0);
      expect(res.stderr.trim()).toMatch(/^error: The database in .* is in use by another running instance/);
      expect(res.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // Postgres runs as the `postgres` user when we are root, as CI and many servers are.
  it.runIf(process.getuid?.() === 0)("runs the database from a private folder (as in /root), granting search permission only", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-private-"));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "private-folder" });
    try {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o701);
      const { rows } = await withClient(server.url("postgres"), (c) => c.query<{ one: number }>("SELECT 1 AS one"));
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the app a Unix-socket URL that checks the password like TCP does", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-socket-"));
    const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "socket-test" });
    try {
      const url = server.socketUrl("postgres");
      const { rows } = await withClient(url, (c) => c.query<{ unix: boolean }>("SELECT inet_server_addr() IS NULL AS unix"));
      expect(rows).toEqual([{ unix: true }]);
      const tcp = await withClient(server.url("postgres"), (c) => c.query<{ unix: boolean }>("SELECT inet_server_addr() IS NULL AS unix"));
      expect(tcp.rows).toEqual([{ unix: false }]);
      await expect(withClient(url.replace("socket-test", "wrong"), (c) => c.query("SELECT 1"))).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses production on a remote database without AUTH_SECRET", () => {
    const res = npmStart({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db.example.invalid/x", AUTH_SECRET: "" });
    expect(res.status).not.toBe(0);
    expect(res.stderr.trim()).toMatch(/^error: AUTH_SECRET is not set/);
  });
});

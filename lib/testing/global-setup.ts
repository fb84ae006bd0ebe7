// Integration tests run against a real PostgreSQL: a throwaway embedded server per run
// (or TEST_PG_URL's server), a migrated template database, and a fresh copy per test file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { withClient } from "@/lib/db/with-client";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}

let server: EmbeddedServer | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_PG_URL;
  if (!serverUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-int-pg-"));
    server = await startEmbedded({ dataDir: path.join(dataDir, "pg"), port: await freePort(), password: "test-only-password" });
    serverUrl = server.url("postgres");
  }
  const templateDb = `hc_template_${process.pid}_${Date.now()}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${templateDb}"`));
  const u = new URL(serverUrl);
  u.pathname = `/${templateDb}`;
  await migrate(u.toString());
  project.provide("pgServerUrl", serverUrl);
  project.provide("templateDb", templateDb);
}

export async function teardown() {
  await server?.stop().catch(() => {});
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

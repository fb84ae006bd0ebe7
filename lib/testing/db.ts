// A fresh, migrated database for one test file, copied from the run's template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { withClient } from "@/lib/db/with-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TestDb = { url: string; prisma: PrismaClient; drop(): Promise<void> };

export function serverUrl(database = "postgres"): string {
  const u = new URL(inject("pgServerUrl"));
  u.pathname = `/${database}`;
  return u.toString();
}

const admin = <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => withClient(serverUrl(), fn);

export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hc_t_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return { url: serverUrl(name), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}) };
}

export async function freshDb(): Promise<TestDb> {
  const name = `hc_t_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDb")}"`));
  const url = serverUrl(name);
  const prisma = createPrisma(url, 5);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

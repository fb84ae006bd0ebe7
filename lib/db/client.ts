// The Prisma client for the app: created lazily (so `next build` needs no database) and
// once per process (Next.js dev reloads modules; a global keeps one pool).
//
// The client runs on a pg pool of our own, which the hot paths (review queue, grading)
// also use directly: Prisma's per-statement cost was 2-3 ms of CPU on top of pg's, more
// than the statements themselves take in Postgres.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient } from "@/lib/generated/prisma/client";

// On globalThis, not in module scope: Next.js bundles this module into each route and
// page chunk, and every copy must find the one client and its pool.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; readPrisma?: PrismaClient; prismaPools?: WeakMap<PrismaClient, pg.Pool> };
const pools = (globalForPrisma.prismaPools ??= new WeakMap());

export function createPrisma(connectionString: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max });
  // A connection the server drops while idle (a Postgres restart) is removed by the pool
  // and replaced on next use; without a listener the event would end the process.
  pool.on("error", (err) => console.warn(`database connection lost: ${err.message}`));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

export function prisma(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForPrisma.prisma = createPrisma(url, Number(process.env.DB_POOL_MAX ?? 10));
  }
  return globalForPrisma.prisma;
}

/**
 * The client for heavy reads that may lag the primary by a moment (a teacher's progress and
 * item analysis): DATABASE_READ_URL (a streaming replica) when set, else the primary. A
 * learner's queue and grades never use it: they must see their own last write.
 */
export function readPrisma(): PrismaClient {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return prisma();
  return (globalForPrisma.readPrisma ??= createPrisma(url, Number(process.env.DB_POOL_MAX ?? 10)));
}

/** The pg pool under a client made by createPrisma (ended by its $disconnect). */
export function poolOf(db: PrismaClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: this client was not made by createPrisma()");
  return pool;
}

/**
 * A Prisma.sql statement run on db's pool with pg, as a named prepared statement: each
 * connection plans a given text once, not on every call (planning the queue's statement
 * took longer than running it). Only for statements of a fixed shape (values as
 * parameters, lists as arrays), or each connection collects plans. pg's own types come
 * back: Date for timestamps, parsed JSON, strings for bigint and numeric.
 */
export async function sqlRows<T extends pg.QueryResultRow>(db: PrismaClient, sql: Prisma.Sql): Promise<T[]> {
  return poolRows<T>(poolOf(db), sql);
}

/** sqlRows on a pool of one's own (the bench's raw baseline). */
export async function poolRows<T extends pg.QueryResultRow>(pool: pg.Pool, sql: Prisma.Sql): Promise<T[]> {
  return (await pool.query<T>({ name: statementName(sql.text), text: sql.text, values: sql.values })).rows;
}

// Names by text: hashing a statement's text (a kilobyte or two) on every call showed in the
// grade's profile. The texts are the fixed shapes above, a few dozen; the bound is for safety.
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= 1000) names.clear();
    name = `hc_${createHash("sha1").update(text).digest("base64url")}`;
    names.set(text, name);
  }
  return name;
}

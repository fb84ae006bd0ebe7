// The store of the sign-in and join-code limits: rate-limiter-flexible's Postgres store on the
// app's own pg pool, in the "RateLimit" table (created by a migration, not at runtime), so every
// worker process and every instance on one DATABASE_URL counts against the same limits.
// Each count is one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING), so attempts
// in flight together on different processes each see the others' counts.
import { createHash } from "node:crypto";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { poolOf } from "./client";

export type LimitStoreOptions = { keyPrefix: string; points: number; duration: number; blockDuration?: number };

export function postgresLimiter(db: PrismaClient, opts: LimitStoreOptions): RateLimiterPostgres {
  return new RateLimiterPostgres({ ...opts, storeClient: poolOf(db), storeType: "pool", tableName: "RateLimit", tableCreated: true });
}

/** What a limit stores for `key`: a hash, so the table never holds an email or an address, and any key fits. */
export function limitKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

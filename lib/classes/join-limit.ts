// Join codes have about 40 bits (31^8), so guessing is only hopeless if it is slow: wrong
// codes are limited per user (10 in 15 minutes) and per address (60, so that a class behind
// one school address can mistype), blocking for a minute that doubles with each further block
// in a day, up to an hour. Each attempt is counted before the code is looked up, so parallel
// guesses cannot pass the limit; attempts that find a class (joined, expired, already in it,
// your own class) are given back, as they guess nothing new and a class should be able to join
// together. Counted in Postgres, shared by every process, like the sign-in limits (lib/auth/rate-limit.ts).
import { DomainError } from "@/lib/api/errors";
import { ProgressiveLimit } from "@/lib/auth/rate-limit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type JoinLimits = { perUser: number; perAddress: number; windowSec: number; blockSec: number; maxBlockSec: number };

export const DEFAULT_JOIN_LIMITS: JoinLimits = { perUser: 10, perAddress: 60, windowSec: 15 * 60, blockSec: 60, maxBlockSec: 60 * 60 };

/** 429 `rate_limited`; the route sends `retryAfterSec` as Retry-After. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSec: number) {
    super("rate_limited", `Too many wrong class codes. Try again in ${retryAfterSec} seconds.`);
  }
}

export type JoinLimiter = {
  /**
   * Runs `join` unless `userId` or `address` has tried too many wrong codes (then throws
   * RateLimitedError). `address` is the client's address at sign-in: absent for sessions
   * from before it was recorded, which are limited per user only.
   */
  guard<T>(userId: string, address: string | undefined, join: () => Promise<T>): Promise<T>;
};

/** The join limits on `db`; `namespace` as for createLoginLimiter. */
export function createJoinLimiter(db: PrismaClient, overrides: Partial<JoinLimits> = {}, namespace = ""): JoinLimiter {
  const o = { ...DEFAULT_JOIN_LIMITS, ...overrides };
  const byUser = new ProgressiveLimit(db, `${namespace}join_user`, o.perUser, o.windowSec, o.blockSec, o.maxBlockSec);
  const byAddress = new ProgressiveLimit(db, `${namespace}join_address`, o.perAddress, o.windowSec, o.blockSec, o.maxBlockSec);
  return {
    async guard(userId, address, join) {
      const checks: [ProgressiveLimit, string][] = [[byUser, userId]];
      if (address) checks.push([byAddress, address]);
      // Counted before the lookup; each count is atomic in the database.
      const waits = await Promise.all(checks.map(([l, key]) => l.take(key)));
      const giveBack = (which: [ProgressiveLimit, string][]) => Promise.all(which.map(([l, key]) => l.giveBack(key)));
      const wait = Math.max(...waits);
      if (wait > 0) {
        await giveBack(checks.filter((_, i) => waits[i] === 0));
        throw new RateLimitedError(wait);
      }
      try {
        const joined = await join();
        await giveBack(checks);
        return joined;
      } catch (err) {
        // Only "no class has this code" was a wrong guess.
        if (!(err instanceof DomainError && err.code === "not_found")) await giveBack(checks);
        throw err;
      }
    },
  };
}

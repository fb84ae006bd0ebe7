// Slows down password guessing without letting a stranger lock an owner out.
//
// Every attempt is counted *before* its password is checked, against:
//   - the (account, address) pair: 5 per 15 minutes;
//   - the account, from addresses it has not signed in from lately: 5 per 15 minutes;
//   - the address, for accounts it has not signed in to lately: 30 per 15 minutes.
// A limit that is exceeded refuses for its block time (1 minute), doubling with each
// further block of the same key within a day up to an hour; then the count starts afresh.
// An owner who signed in successfully from an address in the last 30 days is held only
// to the pair limit there, so strangers elsewhere cannot lock them out.
// A successful sign-in clears its pair's count and gives back the account's and the
// address's point, so only failures (and attempts still in flight) count.
//
// The counts and the known pairs live in Postgres (lib/db/limit-store.ts), shared by every
// worker process and app instance: a count is one atomic upsert, so attempts in flight
// together, on any process, see each other.
import { RateLimiterRes, type RateLimiterPostgres } from "rate-limiter-flexible";
import { limitKey, postgresLimiter } from "@/lib/db/limit-store";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type LoginLimits = {
  perPair: number;
  perAccount: number;
  perAddress: number;
  windowSec: number;
  /** The first block; each further block of a key within a day lasts twice as long. */
  blockSec: number;
  maxBlockSec: number;
  /** How long a successful sign-in makes its (account, address) pair known. */
  knownForSec: number;
};

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perPair: 5,
  perAccount: 5,
  perAddress: 30,
  windowSec: 15 * 60,
  blockSec: 60,
  maxBlockSec: 60 * 60,
  knownForSec: 30 * 24 * 60 * 60,
};

export type LoginAttempt =
  | { allowed: false; retryAfter: number }
  | {
      allowed: true;
      /** The password was right: the attempt does not count as a failure, and the address becomes known. */
      succeeded(): Promise<void>;
      /** The password could not be checked (e.g. the database failed): the attempt does not count. */
      release(): Promise<void>;
    };

export type LoginLimiter = {
  /** Counts an attempt to sign in to `email` from `address`; a wrong password needs nothing more. */
  attempt(email: string, address: string): Promise<LoginAttempt>;
};

/** A count per key that blocks for a doubling time once it goes over its limit. */
export class ProgressiveLimit {
  private readonly counts: RateLimiterPostgres;
  private readonly blocks: RateLimiterPostgres;

  constructor(
    db: PrismaClient,
    prefix: string,
    private readonly limit: number,
    windowSec: number,
    private readonly blockSec: number,
    private readonly maxBlockSec: number,
  ) {
    // blockDuration makes consume() itself block the moment the limit is passed; a later
    // block() only lengthens that block.
    this.counts = postgresLimiter(db, { keyPrefix: `${prefix}_n`, points: limit, duration: windowSec, blockDuration: blockSec });
    this.blocks = postgresLimiter(db, { keyPrefix: `${prefix}_b`, points: 2 ** 31 - 1, duration: 24 * 60 * 60 });
  }

  /** Counts one attempt: 0 when it may go ahead, else the seconds until the key is free. */
  async take(key: string): Promise<number> {
    const k = limitKey(key);
    let res: RateLimiterRes;
    try {
      await this.counts.consume(k);
      return 0;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      res = err;
    }
    if (res.consumedPoints !== this.limit + 1) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    // The attempt that went over: this key's nth block in a day lasts blockSec * 2^(n-1).
    const n = (await this.blocks.penalty(k)).consumedPoints;
    const sec = Math.min(this.blockSec * 2 ** Math.min(n - 1, 30), this.maxBlockSec);
    if (sec > this.blockSec) await this.counts.block(k, sec);
    return sec;
  }

  /** Takes back a counted attempt. */
  async giveBack(key: string): Promise<void> {
    await this.counts.reward(limitKey(key));
  }

  async clear(key: string): Promise<void> {
    await this.counts.delete(limitKey(key));
  }
}

/** (account, address) pairs with a recent successful sign-in. */
class KnownPairs {
  private readonly store: RateLimiterPostgres;
  constructor(
    db: PrismaClient,
    prefix: string,
    private readonly ttlSec: number,
  ) {
    this.store = postgresLimiter(db, { keyPrefix: prefix, points: 1, duration: ttlSec });
  }

  async has(key: string): Promise<boolean> {
    return (await this.store.get(limitKey(key))) !== null;
  }

  async add(key: string): Promise<void> {
    await this.store.set(limitKey(key), 1, this.ttlSec);
  }
}

/**
 * The sign-in limits on `db`. Limiters with the same `namespace` share their counts (every
 * process of the app uses the default); tests pass one of their own to start afresh.
 */
export function createLoginLimiter(db: PrismaClient, overrides: Partial<LoginLimits> = {}, namespace = ""): LoginLimiter {
  const o = { ...DEFAULT_LOGIN_LIMITS, ...overrides };
  const limit = (prefix: string, points: number) => new ProgressiveLimit(db, `${namespace}${prefix}`, points, o.windowSec, o.blockSec, o.maxBlockSec);
  const byPair = limit("login_pair", o.perPair);
  const byAccount = limit("login_account", o.perAccount);
  const byAddress = limit("login_address", o.perAddress);
  const known = new KnownPairs(db, `${namespace}login_known`, o.knownForSec);

  return {
    async attempt(email, address) {
      const pair = `${email}\n${address}`;
      const checks: [ProgressiveLimit, string][] = (await known.has(pair))
        ? [[byPair, pair]]
        : [[byPair, pair], [byAccount, email], [byAddress, address]];
      // Counted before the password is checked; each count is atomic in the database.
      const waits = await Promise.all(checks.map(([l, key]) => l.take(key)));
      const retryAfter = Math.max(...waits);
      if (retryAfter > 0) {
        // Refused unchecked: the limits that let it through did not see a guess.
        await Promise.all(checks.filter((_, i) => waits[i] === 0).map(([l, key]) => l.giveBack(key)));
        return { allowed: false, retryAfter };
      }
      return {
        allowed: true,
        async succeeded() {
          // The pair's failures were the owner's own typos; a stranger's failures against
          // the account or from the address stay counted.
          await Promise.all(checks.map(([l, key]) => (l === byPair ? l.clear(key) : l.giveBack(key))));
          await known.add(pair);
        },
        async release() {
          await Promise.all(checks.map(([l, key]) => l.giveBack(key)));
        },
      };
    },
  };
}

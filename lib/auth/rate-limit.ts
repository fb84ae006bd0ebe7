// Slows down password guessing without letting a stranger lock an owner out.
//
// Every attempt is counted *before* its password is checked (the count is taken
// synchronously, so attempts in flight together see each other), against:
//   - the (account, address) pair: 5 per 15 minutes;
//   - the account, from addresses it has not signed in from lately: 5 per 15 minutes;
//   - the address, for accounts it has not signed in to lately: 30 per 15 minutes.
// A limit that is exceeded refuses for its block time (1 minute), doubling with each
// further block of the same key within a day up to an hour; then the count starts afresh.
// An owner who signed in successfully from an address in the last 30 days is held only
// to the pair limit there, so strangers elsewhere cannot lock them out.
// A successful sign-in clears its pair's count and gives back the account's and the
// address's point, so only failures (and attempts still in flight) count.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

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
  private readonly counts: RateLimiterMemory;
  private readonly blocks: RateLimiterMemory;

  constructor(
    prefix: string,
    private readonly limit: number,
    windowSec: number,
    private readonly blockSec: number,
    private readonly maxBlockSec: number,
  ) {
    // blockDuration makes consume() itself block the moment the limit is passed; a later
    // block() only lengthens that block.
    this.counts = new RateLimiterMemory({ keyPrefix: `${prefix}_n`, points: limit, duration: windowSec, blockDuration: blockSec });
    this.blocks = new RateLimiterMemory({ keyPrefix: `${prefix}_b`, points: Number.MAX_SAFE_INTEGER, duration: 24 * 60 * 60 });
  }

  /**
   * Counts one attempt: 0 when it may go ahead, else the seconds until the key is free.
   * The count is taken before the first await, so parallel calls cannot all get in.
   */
  async take(key: string): Promise<number> {
    const taken = this.counts.consume(key);
    let res: RateLimiterRes;
    try {
      await taken;
      return 0;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      res = err;
    }
    if (res.consumedPoints !== this.limit + 1) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    // The attempt that went over: this key's nth block in a day lasts blockSec * 2^(n-1).
    const n = (await this.blocks.penalty(key)).consumedPoints;
    const sec = Math.min(this.blockSec * 2 ** Math.min(n - 1, 30), this.maxBlockSec);
    if (sec > this.blockSec) await this.counts.block(key, sec);
    return sec;
  }

  /** Takes back a counted attempt. */
  async giveBack(key: string): Promise<void> {
    await this.counts.reward(key);
  }

  async clear(key: string): Promise<void> {
    await this.counts.delete(key);
  }
}

/** (account, address) pairs with a recent successful sign-in, oldest first. */
class KnownPairs {
  private readonly until = new Map<string, number>();
  constructor(
    private readonly ttlMs: number,
    // Only successful sign-ins add entries, so this bound is never reached by guessing.
    private readonly max = 200_000,
  ) {}

  has(key: string): boolean {
    const until = this.until.get(key);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.until.delete(key);
    return false;
  }

  add(key: string): void {
    this.until.delete(key);
    this.until.set(key, Date.now() + this.ttlMs);
    if (this.until.size > this.max) this.until.delete(this.until.keys().next().value!);
  }
}

export function createLoginLimiter(overrides: Partial<LoginLimits> = {}): LoginLimiter {
  const o = { ...DEFAULT_LOGIN_LIMITS, ...overrides };
  const limit = (prefix: string, points: number) => new ProgressiveLimit(prefix, points, o.windowSec, o.blockSec, o.maxBlockSec);
  const byPair = limit("login_pair", o.perPair);
  const byAccount = limit("login_account", o.perAccount);
  const byAddress = limit("login_address", o.perAddress);
  const known = new KnownPairs(o.knownForSec * 1000);

  return {
    async attempt(email, address) {
      const pair = `${email}\n${address}`;
      const checks: [ProgressiveLimit, string][] = known.has(pair)
        ? [[byPair, pair]]
        : [[byPair, pair], [byAccount, email], [byAddress, address]];
      // All counts are taken in this one synchronous map, before anything is awaited.
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
          known.add(pair);
        },
        async release() {
          await Promise.all(checks.map(([l, key]) => l.giveBack(key)));
        },
      };
    },
  };
}

// Slows down password guessing: after repeated failures an account (and separately an
// address) is refused for a while, even with the right password.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type LoginLimiter = {
  /** Seconds until attempts are allowed again, or 0 when allowed now. */
  retryAfter(email: string, ip: string): Promise<number>;
  failed(email: string, ip: string): Promise<void>;
  succeeded(email: string): Promise<void>;
};

export function createLoginLimiter(opts = { perEmail: 5, perIp: 30, windowSec: 15 * 60, blockSec: 60 }): LoginLimiter {
  const byEmail = new RateLimiterMemory({ keyPrefix: "login_email", points: opts.perEmail, duration: opts.windowSec, blockDuration: opts.blockSec });
  const byIp = new RateLimiterMemory({ keyPrefix: "login_ip", points: opts.perIp, duration: opts.windowSec, blockDuration: opts.blockSec * 5 });
  const wait = (res: RateLimiterRes | null, limit: number) =>
    res && res.consumedPoints >= limit ? Math.ceil(res.msBeforeNext / 1000) : 0;
  return {
    async retryAfter(email, ip) {
      const [e, i] = await Promise.all([byEmail.get(email), byIp.get(ip)]);
      return Math.max(wait(e, opts.perEmail), wait(i, opts.perIp));
    },
    async failed(email, ip) {
      // consume() rejects once the limit is reached; that rejection is the block itself.
      await Promise.allSettled([byEmail.consume(email), byIp.consume(ip)]);
    },
    async succeeded(email) {
      await byEmail.delete(email);
    },
  };
}

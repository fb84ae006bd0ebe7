// Latency of loadQueue (lib/review/load-queue.ts) called in-process through Prisma, one
// call at a time, for learners picked at random: the cost of one queue fetch as the
// table grows, without HTTP or concurrency in the picture.
import { performance } from "node:perf_hooks";
import seedrandom from "seedrandom";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadQueue } from "@/lib/review/load-queue";

export type QueueBenchOptions = { warmup: number; calls: number; limit: number; seed: string };

/** Latencies (ms) of `calls` loadQueue calls after `warmup` unmeasured ones; throws if a queue comes back short. */
export async function measureQueue(db: PrismaClient, userIds: readonly string[], opts: QueueBenchOptions): Promise<number[]> {
  const rng = seedrandom(opts.seed);
  const pick = () => userIds[Math.floor(rng() * userIds.length)]!;
  const latencies: number[] = [];
  for (let i = 0; i < opts.warmup + opts.calls; i++) {
    const userId = pick();
    const t0 = performance.now();
    const queue = await loadQueue(db, userId, { limit: opts.limit });
    const ms = performance.now() - t0;
    if (queue.cards.length < opts.limit) {
      throw new Error(`learner ${userId} got ${queue.cards.length} cards, expected a full batch of ${opts.limit}: the seed is wrong`);
    }
    if (i >= opts.warmup) latencies.push(ms);
  }
  return latencies;
}

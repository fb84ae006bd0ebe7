// The shape shared by the HTTP and the raw grade loads: closed-loop virtual learners,
// each grading its cards one after another with no think time, for a warm-up period
// (not measured) and then a measured window.
import { performance } from "node:perf_hooks";
import type { Rating } from "@/lib/srs/scheduler";

export type TrackedCard = { cardId: string; version: number };

/** The outcome of one request: ok, or an error kind ("409 conflict", "network ECONNRESET", ...). */
export type Outcome = { ok: true; version: number } | { ok: false; kind: string; version?: number };

export type LoadResult = {
  concurrency: number;
  /** Length of the measured window. */
  seconds: number;
  /** Successful grades whose request started in the measured window. */
  ok: number;
  /** Failed requests over the whole run, warm-up included, by kind. */
  errors: Record<string, number>;
  errorCount: number;
  /** Latencies (ms) of the successful grades in the measured window. */
  latencies: number[];
};

export type Learner = {
  cards: TrackedCard[];
  grade(card: TrackedCard, rating: Rating, idempotencyKey: string): Promise<Outcome>;
};

export async function runLoad(
  learners: readonly Learner[],
  opts: { warmupMs: number; durationMs: number; runId: string; rng: () => number },
): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const measureTo = measureFrom + opts.durationMs;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  let errorCount = 0;

  await Promise.all(
    learners.map(async (learner, l) => {
      if (learner.cards.length === 0) throw new Error(`virtual learner ${l} has no cards to grade`);
      for (let n = 0; ; n++) {
        const t0 = performance.now();
        if (t0 >= measureTo) break;
        const card = learner.cards[n % learner.cards.length]!;
        const rating = (1 + Math.floor(opts.rng() * 4)) as Rating;
        let outcome: Outcome;
        try {
          outcome = await learner.grade(card, rating, `bench-${opts.runId}-${l}-${n}`);
        } catch (err) {
          outcome = { ok: false, kind: `exception ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
        }
        const ms = performance.now() - t0;
        if (outcome.ok) {
          card.version = outcome.version;
          if (t0 >= measureFrom) {
            ok++;
            latencies.push(ms);
          }
        } else {
          errorCount++;
          errors[outcome.kind] = (errors[outcome.kind] ?? 0) + 1;
          if (outcome.version !== undefined) card.version = outcome.version;
        }
      }
    }),
  );
  return { concurrency: learners.length, seconds: opts.durationMs / 1000, ok, errors, errorCount, latencies };
}

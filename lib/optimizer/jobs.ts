// "Optimize my scheduler" as a background job: claimed in the database (one run per
// learner at a time), fitted off the request (the native optimizer trains on its own
// threads, so reviews are never blocked), progress written as it goes, and the new set
// put in use only when it predicts the held-out reviews better than the set in use.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import { defaultWeights } from "@/lib/srs/weights";
import { compareFit } from "./compare";
import { activeSet, claimRun, failRun, finishRun, reviewLogOf, saveAndApply, setProgress } from "./store";

const PROGRESS_EVERY_MS = 500;

/** Starts a run; 409 while one is running. Resolves once claimed; `done` resolves when the run ends (tests wait on it). */
export async function startOptimization(db: PrismaClient, userId: string, now = new Date()): Promise<{ done: Promise<void> }> {
  if (!(await claimRun(db, userId, now))) throw new DomainError("conflict", "Your scheduler is already being optimized: wait for that run to finish.");
  return { done: runOptimization(db, userId) };
}

async function runOptimization(db: PrismaClient, userId: string): Promise<void> {
  try {
    const [log, active] = await Promise.all([reviewLogOf(db, userId), activeSet(db, userId)]);
    let lastWrite = 0;
    const comparison = await compareFit(log, active?.weights ?? defaultWeights(), defaultWeights(), {
      progressEveryMs: PROGRESS_EVERY_MS,
      onProgress: (done, total) => {
        const now = Date.now();
        if (total > 0 && now - lastWrite >= PROGRESS_EVERY_MS) {
          lastWrite = now;
          void setProgress(db, userId, Math.min(0.99, done / total)).catch(() => {});
        }
      },
    });
    if (comparison.better) await saveAndApply(db, userId, comparison);
    await finishRun(db, userId, { ...comparison, applied: comparison.better }, new Date());
  } catch (err) {
    console.error("optimizer run failed", err);
    await failRun(db, userId, "The optimizer could not finish. Try again later.", new Date()).catch(() => {});
  }
}

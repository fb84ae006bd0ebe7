// The optional monthly re-run of "Optimize my scheduler" (issue 14: offered, not forced): a
// learner who turned on `monthlyOptimize` gets a new run when they open /stats and their last
// run started 30 days or more ago (or they never ran one). The run is the usual background job,
// so it applies its fit only when it predicts their held-out reviews better.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import { settingsOfUser } from "@/lib/learner/settings";
import { startOptimization } from "./jobs";

export const MONTHLY_RUN_DAYS = 30;
const DAY_MS = 86_400_000;

/** Whether a monthly run is due: opted in, and no run started in the last 30 days. */
export function monthlyRunDue(optedIn: boolean, lastStartedAt: Date | null, now: Date): boolean {
  return optedIn && (lastStartedAt === null || now.getTime() - lastStartedAt.getTime() >= MONTHLY_RUN_DAYS * DAY_MS);
}

/** Starts the learner's monthly run when it is due; null when it is not (or one is already running). */
export async function offerMonthlyRun(db: PrismaClient, userId: string, now = new Date()): Promise<{ done: Promise<void> } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { settings: true, timezone: true, rolloverHour: true, optimizerRun: { select: { startedAt: true } } } });
  if (!user || !monthlyRunDue(settingsOfUser(user).monthlyOptimize, user.optimizerRun?.startedAt ?? null, now)) return null;
  try {
    return await startOptimization(db, userId, now);
  } catch (err) {
    if (err instanceof DomainError && err.code === "conflict") return null;
    throw err;
  }
}

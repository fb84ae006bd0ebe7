// The optimizer's SQL: the learner's review log as the optimizer reads it, their run row
// (one per learner, so one run at a time), and their fitted parameter sets.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { comparisonSchema, type OptimizerStatus } from "@/lib/api/optimizer";
import { DomainError } from "@/lib/api/errors";
import { accountGone } from "@/lib/auth/revocation";
import { sqlRows } from "@/lib/db/client";
import { defaultWeights } from "@/lib/srs/weights";
import type { Comparison } from "./compare";
import type { LoggedReview } from "./items";

/** A run still "running" after this long was cut short (a restart): another may start. */
export const STALE_RUN_MS = 15 * 60_000;

/**
 * The learner's live reviews in time order, each on its learner day (their time zone and
 * rollover hour, as the scheduler counts days), numbered from an arbitrary origin.
 */
export async function reviewLogOf(db: PrismaClient, userId: string): Promise<LoggedReview[]> {
  return sqlRows<LoggedReview>(db, Prisma.sql`
    SELECT r."cardId", r.rating,
           ((((r."reviewedAt" AT TIME ZONE u.timezone) - make_interval(hours => u."rolloverHour"))::date) - date '2000-01-01')::int AS day
      FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId"
     WHERE r."userId" = ${userId}::uuid AND r."undoneAt" IS NULL
     ORDER BY r."reviewedAt", r.id`);
}

/** The weights in use: the active fitted set, or null for the defaults. */
export async function activeSet(db: PrismaClient, userId: string): Promise<{ id: string; weights: number[] } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { fsrsParameters: { select: { id: true, weights: true } } } });
  return user?.fsrsParameters ?? null;
}

/** Marks the learner's run as started; false when one is already running. */
export async function claimRun(db: PrismaClient, userId: string, now: Date): Promise<boolean> {
  const rows = await sqlRows<{ userId: string }>(db, Prisma.sql`
    INSERT INTO "OptimizerRun" ("userId", status, progress, "startedAt") VALUES (${userId}::uuid, 'running', 0, ${now})
    ON CONFLICT ("userId") DO UPDATE SET status = 'running', progress = 0, "startedAt" = excluded."startedAt", "finishedAt" = NULL, result = NULL, error = NULL
     WHERE "OptimizerRun".status <> 'running' OR "OptimizerRun"."startedAt" < ${new Date(now.getTime() - STALE_RUN_MS)}
    RETURNING "userId"`);
  return rows.length === 1;
}

export async function setProgress(db: PrismaClient, userId: string, progress: number): Promise<void> {
  await db.optimizerRun.updateMany({ where: { userId, status: "running" }, data: { progress } });
}

export async function finishRun(db: PrismaClient, userId: string, result: Comparison & { applied: boolean }, now: Date): Promise<void> {
  await db.optimizerRun.update({ where: { userId }, data: { status: "done", progress: 1, finishedAt: now, result } });
}

export async function failRun(db: PrismaClient, userId: string, error: string, now: Date): Promise<void> {
  await db.optimizerRun.update({ where: { userId }, data: { status: "failed", finishedAt: now, error } });
}

/** Saves a fitted set and puts it in use, in one transaction. */
export async function saveAndApply(db: PrismaClient, userId: string, c: Comparison): Promise<string> {
  if (!c.fitted || !c.current) throw new Error("saveAndApply: a set is applied only with its scores");
  const { fitted, current } = c;
  return db.$transaction(async (tx) => {
    const set = await tx.fsrsParameters.create({
      data: { userId, weights: c.weights, reviews: c.reviews, logLoss: fitted.logLoss, rmseBins: fitted.rmseBins, previousLogLoss: current.logLoss, previousRmseBins: current.rmseBins },
      select: { id: true },
    });
    await tx.user.update({ where: { id: userId }, data: { fsrsParametersId: set.id } });
    return set.id;
  });
}

/** Switches to one of the learner's own sets, or back to the defaults (null); 404 for any other id. */
export async function setActive(db: PrismaClient, userId: string, parametersId: string | null): Promise<void> {
  if (parametersId !== null && !(await db.fsrsParameters.findFirst({ where: { id: parametersId, userId }, select: { id: true } }))) {
    throw new DomainError("not_found", "No such parameter set.");
  }
  await db.user.update({ where: { id: userId }, data: { fsrsParametersId: parametersId } });
}

export async function optimizerStatus(db: PrismaClient, userId: string): Promise<OptimizerStatus> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      fsrsParametersId: true,
      optimizerRun: true,
      fsrsParameterSets: {
        orderBy: { createdAt: "desc" },
        select: { id: true, createdAt: true, reviews: true, logLoss: true, rmseBins: true, previousLogLoss: true, previousRmseBins: true, weights: true },
      },
    },
  });
  if (!user) throw accountGone();
  const run = user.optimizerRun;
  return {
    run: run && {
      status: run.status as "running" | "done" | "failed",
      progress: run.progress,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      result: comparisonSchema.nullable().parse(run.result ?? null),
      error: run.error,
    },
    activeId: user.fsrsParametersId,
    defaults: defaultWeights(),
    sets: user.fsrsParameterSets.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
  };
}

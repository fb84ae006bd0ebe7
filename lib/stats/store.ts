// A learner's statistics, read in a few SQL aggregates that run side by side: reviews per
// learner day (heatmap) and their outcomes (true retention, by week) from the ReviewDay rollup, the card states
// bucketed (counts, forecast, stability, difficulty, retrievability), and the unstudied
// cards. Every "day" is the learner's: their time zone, less their rollover hour, as the
// scheduler counts days (lib/srs/learner-clock.ts). The pure shaping is in this folder.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { StatsResponse } from "@/lib/api/stats";
import { DomainError } from "@/lib/api/errors";
import { accountGone } from "@/lib/auth/revocation";
import { sqlRows } from "@/lib/db/client";
import { visibleDecksWhere, visibleDeckSql } from "@/lib/decks/store";
import { learnerDay } from "@/lib/srs/learner-day";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { forgettingCurveConstants } from "@/lib/srs/retrievability";
import { CardPhase } from "@/lib/srs/state";
import { addDays, streaks } from "./calendar";
import { DIFFICULTY_BUCKETS, difficultyLabels, histogram, RETRIEVABILITY_BUCKETS, retrievabilityLabels, STABILITY_EDGES, stabilityLabels } from "./distributions";
import { forecastDays } from "./forecast";
import { retentionByWeek, weekRows, type DayRow } from "./retention";

export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const RETENTION_WEEKS = 26;

/** The first day the heatmap shows. */
export const heatmapStart = (today: string): string => addDays(today, 1 - HEATMAP_DAYS);

// The forgetting curve of the weights the learner is scheduled with (a fitted set's decay
// differs from the defaults'); computed once for the defaults.
const defaultCurve = forgettingCurveConstants(toSrsParams(defaultReviewSettings));
const curveOf = (weights: number[] | undefined) => (weights ? forgettingCurveConstants(toSrsParams(defaultReviewSettings, weights)) : defaultCurve);

type Clock = { timezone: string; rolloverHour: number };

/** The learner day (a SQL date) of a timestamptz expression. */
const dayOf = (at: Prisma.Sql, clock: Clock) =>
  Prisma.sql`(((${at}) AT TIME ZONE ${clock.timezone}::text) - make_interval(hours => ${clock.rolloverHour}::int))::date`;

export type StatsOptions = { deckId?: string };

export async function learnerStats(db: PrismaClient, userId: string, { deckId }: StatsOptions = {}, now = new Date()): Promise<StatsResponse> {
  const [user, decks] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { timezone: true, rolloverHour: true, fsrsParameters: { select: { weights: true } } } }),
    db.deck.findMany({ where: visibleDecksWhere({ id: userId }), select: { id: true, title: true }, orderBy: { title: "asc" } }),
  ]);
  if (!user) throw accountGone();
  const deck = deckId ? decks.find((d) => d.id === deckId) : undefined;
  if (deckId && !deck) throw new DomainError("not_found", "No such deck.");

  const clock: Clock = user;
  const curve = curveOf(user.fsrsParameters?.weights);
  const today = learnerDay(now, clock.timezone, clock.rolloverHour).key;
  const uid = Prisma.sql`${userId}::uuid`;
  const daysOfDeck = deckId ? Prisma.sql`AND "deckId" = ${deckId}::uuid` : Prisma.empty;
  const cardsOfDeck = deckId ? Prisma.sql`AND c."deckId" = ${deckId}::uuid` : Prisma.empty;

  const [days, states, unstudied] = await Promise.all([
    // A row per learner day: the heatmap takes the past year's, true retention sums them by
    // week. Read from ReviewDay, which a trigger on ReviewLog keeps (a row per learner, deck and
    // day), so this reads a few hundred rows, not every review of the learner.
    sqlRows<DayRow>(db, Prisma.sql`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(reviews)::int AS reviews,
             sum("youngPassed")::int AS "youngPassed", sum("youngFailed")::int AS "youngFailed",
             sum("maturePassed")::int AS "maturePassed", sum("matureFailed")::int AS "matureFailed"
        FROM "ReviewDay"
       WHERE "userId" = ${uid} ${daysOfDeck}
       GROUP BY day
      HAVING sum(reviews) > 0
       ORDER BY day`),
    sqlRows<{ kind: "state" | "stability" | "difficulty" | "retrievability" | "due"; bucket: number; n: number }>(db, Prisma.sql`
      WITH s AS (
        SELECT s.state, s.stability, s.difficulty,
               ${dayOf(Prisma.sql`s.due`, clock)} - ${today}::date AS due_offset,
               ${today}::date - ${dayOf(Prisma.sql`s."lastReview"`, clock)} AS elapsed
          FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
         WHERE s."userId" = ${uid} AND s.state <> ${CardPhase.New}::int AND c."retiredAt" IS NULL ${cardsOfDeck}),
      r AS (
        SELECT CASE WHEN elapsed IS NULL OR stability <= 0 THEN 0
                    ELSE power(1 + ${curve.factor}::float8 * greatest(0, elapsed) / stability, ${curve.decay}::float8) END AS recall
          FROM s)
      SELECT 'state' AS kind, state AS bucket, count(*)::int AS n FROM s GROUP BY 2
      UNION ALL SELECT 'stability', width_bucket(stability, ${[...STABILITY_EDGES]}::float8[]), count(*)::int FROM s GROUP BY 2
      UNION ALL SELECT 'difficulty', least(${DIFFICULTY_BUCKETS - 1}::int, greatest(0, floor(difficulty - 1)))::int, count(*)::int FROM s GROUP BY 2
      UNION ALL SELECT 'retrievability', least(${RETRIEVABILITY_BUCKETS - 1}::int, greatest(0, floor(${RETRIEVABILITY_BUCKETS}::int * recall)))::int, count(*)::int FROM r GROUP BY 2
      UNION ALL SELECT 'due', greatest(-1, due_offset), count(*)::int FROM s WHERE due_offset < ${FORECAST_DAYS}::int GROUP BY 2`),
    sqlRows<{ n: number }>(db, Prisma.sql`
      SELECT count(*)::int AS n FROM "Card" c JOIN "Deck" d ON d.id = c."deckId"
       WHERE c."retiredAt" IS NULL AND ${visibleDeckSql(uid)} ${cardsOfDeck}
         AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${uid} AND s."cardId" = c.id AND s.state <> ${CardPhase.New}::int)`),
  ]);

  const of = (kind: (typeof states)[number]["kind"]) => states.filter((r) => r.kind === kind).map(({ bucket, n }) => ({ bucket, n }));
  const byState = new Map(of("state").map((r) => [r.bucket, r.n]));
  const firstDay = heatmapStart(today);
  const heatmapDays = days.filter((d) => d.day >= firstDay && d.day <= today).map((d) => ({ day: d.day, reviews: d.reviews }));
  return {
    deck: deck ?? null,
    decks,
    today,
    heatmap: {
      days: heatmapDays,
      totalReviews: heatmapDays.reduce((sum, d) => sum + d.reviews, 0),
      daysStudied: heatmapDays.length,
      streak: streaks(heatmapDays.map((d) => d.day), today),
    },
    forecast: forecastDays(of("due").map(({ bucket, n }) => ({ offset: bucket, n })), today, FORECAST_DAYS),
    retention: retentionByWeek(weekRows(days), today, RETENTION_WEEKS),
    counts: {
      new: unstudied[0]?.n ?? 0,
      learning: byState.get(CardPhase.Learning) ?? 0,
      review: byState.get(CardPhase.Review) ?? 0,
      relearning: byState.get(CardPhase.Relearning) ?? 0,
    },
    distributions: {
      stability: histogram(of("stability"), stabilityLabels()),
      difficulty: histogram(of("difficulty"), difficultyLabels()),
      retrievability: histogram(of("retrievability"), retrievabilityLabels()),
    },
  };
}

// True retention as Anki computes it: among reviews of cards in the review state (not
// learning or relearning steps), the share passed (Hard, Good or Easy; Again fails).
// Young cards had an interval under 21 days before the review, mature ones 21 or more: the
// ReviewDay trigger (prisma/migrations/20261203145700_review_day) sorts each review so as it is
// written, and this file sums its rows.
import { addDays } from "./calendar";

export type PassFail = { passed: number; failed: number };
export type Retention = PassFail & { rate: number | null };
export type RetentionSplit = { young: Retention; mature: Retention; all: Retention };
export type RetentionWeek = RetentionSplit & { week: string; reviews: number };

/** One aggregate row per week (Monday's key): every live review, and the review-state ones split by outcome and age. */
export type WeekRow = { week: string; reviews: number; youngPassed: number; youngFailed: number; maturePassed: number; matureFailed: number };

/** The same counts for one learner day. */
export type DayRow = Omit<WeekRow, "week"> & { day: string };

/** Day rows summed into week rows (weeks start on Monday). */
export function weekRows(days: readonly DayRow[]): WeekRow[] {
  const weeks = new Map<string, WeekRow>();
  for (const { day, ...counts } of days) {
    const week = mondayOf(day);
    const w = weeks.get(week) ?? { week, reviews: 0, youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0 };
    w.reviews += counts.reviews;
    w.youngPassed += counts.youngPassed;
    w.youngFailed += counts.youngFailed;
    w.maturePassed += counts.maturePassed;
    w.matureFailed += counts.matureFailed;
    weeks.set(week, w);
  }
  return [...weeks.values()];
}

export function retention({ passed, failed }: PassFail): Retention {
  return { passed, failed, rate: passed + failed > 0 ? passed / (passed + failed) : null };
}

function split(young: PassFail, mature: PassFail): RetentionSplit {
  return {
    young: retention(young),
    mature: retention(mature),
    all: retention({ passed: young.passed + mature.passed, failed: young.failed + mature.failed }),
  };
}

/**
 * The last `weeks` weeks up to the one holding `today` (zeros where there were no reviews),
 * and the totals over every row given (all time).
 */
export function retentionByWeek(rows: readonly WeekRow[], today: string, weeks: number): { weeks: RetentionWeek[]; overall: RetentionSplit } {
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const thisWeek = mondayOf(today);
  const series: RetentionWeek[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const week = addDays(thisWeek, -7 * i);
    const r = byWeek.get(week);
    series.push({
      week,
      reviews: r?.reviews ?? 0,
      ...split({ passed: r?.youngPassed ?? 0, failed: r?.youngFailed ?? 0 }, { passed: r?.maturePassed ?? 0, failed: r?.matureFailed ?? 0 }),
    });
  }
  const sum = (f: (r: WeekRow) => number) => rows.reduce((total, r) => total + f(r), 0);
  const overall = split(
    { passed: sum((r) => r.youngPassed), failed: sum((r) => r.youngFailed) },
    { passed: sum((r) => r.maturePassed), failed: sum((r) => r.matureFailed) },
  );
  return { weeks: series, overall };
}

/** The Monday starting the ISO week of a day (what Postgres' date_trunc('week', …) gives). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(day, -((weekday + 6) % 7));
}

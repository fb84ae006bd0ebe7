// Learner days as "YYYY-MM-DD" keys (the learner's calendar date, rollover hour applied:
// lib/srs/learner-clock.ts) and the streak of consecutive days with reviews.
const DAY_MS = 86_400_000;

/** The day `n` days after `key` (n may be negative). Keys are calendar dates, so plain UTC arithmetic is exact. */
export function addDays(key: string, n: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type Streaks = {
  /** Consecutive days with reviews up to today; a day without reviews yet today does not break it (the day is not over). */
  current: number;
  /** The longest run of consecutive days with reviews among `days`. */
  longest: number;
};

/** `days`: the keys of days with at least one review, any order. */
export function streaks(days: readonly string[], today: string): Streaks {
  const studied = new Set(days);
  let current = 0;
  for (let day = studied.has(today) ? today : addDays(today, -1); studied.has(day); day = addDays(day, -1)) current++;
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of [...studied].sort()) {
    run = previous !== null && daysFrom(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest };
}

/**
 * A heatmap shade 0–4 for a day's review count: 0 for none, then quartiles of the busiest
 * day, so a learner's own rhythm is visible whatever their volume.
 */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max))) as 1 | 2 | 3 | 4;
}

// The due forecast: cards coming due on each of the next days. Cards already overdue are
// due today (they will be shown today), so they are added to day 0.
import { addDays } from "./calendar";

export type ForecastDay = { day: string; due: number };

/**
 * `rows`: counts of cards by due day, as whole learner days from today (negative: overdue).
 * Returns `horizon` days from today, zeros filled in; days past the horizon are left out.
 */
export function forecastDays(rows: readonly { offset: number; n: number }[], today: string, horizon = 30): ForecastDay[] {
  const due = new Array<number>(horizon).fill(0);
  for (const { offset, n } of rows) {
    if (offset < horizon) due[Math.max(0, offset)]! += n;
  }
  return due.map((n, i) => ({ day: addDays(today, i), due: n }));
}

// The text each chart is described by: what a screen reader reads instead of the picture,
// and what everyone reads above it.
import type { StatsResponse } from "@/lib/api/stats";
import { formatPercent, plural } from "../../_components/format";

type Retention = StatsResponse["retention"]["overall"]["all"];

export function heatmapSummary(h: StatsResponse["heatmap"]): string {
  if (h.totalReviews === 0) return "No reviews in the past year yet.";
  const busiest = h.days.reduce((a, b) => (b.reviews > a.reviews ? b : a));
  return `${plural(h.totalReviews, "review")} on ${plural(h.daysStudied, "day")} of the past year. Current streak: ${plural(h.streak.current, "day")}; longest: ${plural(h.streak.longest, "day")}. Busiest day: ${busiest.day} (${plural(busiest.reviews, "review")}).`;
}

export function forecastSummary(f: StatsResponse["forecast"]): string {
  const total = f.reduce((n, d) => n + d.due, 0);
  if (total === 0) return `No cards due in the next ${f.length} days.`;
  const busiest = f.reduce((a, b) => (b.due > a.due ? b : a));
  return `${plural(total, "card")} due in the next ${f.length} days: ${f[0]!.due} today (overdue included), ${f[1]?.due ?? 0} tomorrow. Busiest day: ${busiest.day} (${plural(busiest.due, "card")}).`;
}

const share = (r: Retention) => (r.rate === null ? "no reviews yet" : `${formatPercent(r.rate)} (${r.passed} of ${r.passed + r.failed} passed)`);

export function retentionSummary(r: StatsResponse["retention"]): string {
  const { young, mature, all } = r.overall;
  const recent = r.weeks.filter((w) => w.all.rate !== null);
  const last = recent.at(-1);
  return `True retention of review cards, all time: ${share(all)}; young cards (interval under 21 days) ${share(young)}; mature cards ${share(mature)}.` +
    (last ? ` Latest week with reviews, from ${last.week}: ${share(last.all)}.` : "");
}

export function histogramSummary(what: string, buckets: { label: string; count: number }[]): string {
  const total = buckets.reduce((n, b) => n + b.count, 0);
  if (total === 0) return "No studied cards yet.";
  return `${what} of ${plural(total, "studied card")}: ${buckets.filter((b) => b.count > 0).map((b) => `${b.label}: ${b.count}`).join("; ")}.`;
}

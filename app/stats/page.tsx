import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { DomainError } from "@/lib/api/errors";
import { statsQuerySchema, type StatsResponse } from "@/lib/api/stats";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { getSettings } from "@/lib/learner/settings-store";
import { offerMonthlyRun } from "@/lib/optimizer/monthly";
import { optimizerStatus } from "@/lib/optimizer/store";
import { heatmapStart, learnerStats } from "@/lib/stats/store";
import { formatPercent, plural } from "../_components/format";
import { Card, PageTitle } from "../_components/ui";
import { OptimizerPanel } from "./_client/optimizer-panel";
import { BarChart, Heatmap } from "./_components/charts";
import { forecastSummary, heatmapSummary, histogramSummary, retentionSummary } from "./_components/summaries";

export const metadata: Metadata = { title: "Statistics" };

function Section({ id, title, summary, children }: { id: string; title: string; summary: string; children?: ReactNode }) {
  return (
    <Card className="mb-4">
      <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">{title}</h2>
      <p id={`${id}-summary`} className="mb-3 text-sm text-slate-700 dark:text-slate-200">{summary}</p>
      {children}
    </Card>
  );
}

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await pageUser();
  const query = statsQuerySchema.safeParse({ deck: (await searchParams).deck || undefined });
  if (!query.success) notFound();
  let stats: StatsResponse;
  try {
    stats = await learnerStats(prisma(), user.id, { deckId: query.data.deck });
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  }
  // The monthly re-run the learner may have opted into starts here, in the background.
  if (!stats.deck) await offerMonthlyRun(prisma(), user.id);
  const [optimizer, settings] = stats.deck ? [null, null] : await Promise.all([optimizerStatus(prisma(), user.id), getSettings(prisma(), user.id)]);
  const { heatmap, forecast, retention, counts, distributions } = stats;
  const studied = counts.learning + counts.review + counts.relearning;
  return (
    <div>
      <PageTitle>Statistics{stats.deck ? `: ${stats.deck.title}` : ""}</PageTitle>
      <form method="get" action="/stats" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="deck" className="mb-1 block text-sm font-medium">Deck</label>
          <select id="deck" name="deck" defaultValue={stats.deck?.id ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
            <option value="">All decks</option>
            {stats.decks.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">Show</button>
      </form>

      <Section id="heatmap" title="Reviews per day" summary={heatmapSummary(heatmap)}>
        <Heatmap days={heatmap.days} start={heatmapStart(stats.today)} today={stats.today} describedBy="heatmap-summary" />
      </Section>

      <Section id="counts" title="Cards by state" summary={`${plural(counts.new + studied, "card")}: ${counts.new} new, ${counts.learning} learning, ${counts.review} review, ${counts.relearning} relearning.`}>
        <dl className="grid grid-cols-2 gap-2 text-center sm:grid-cols-4">
          {(["new", "learning", "review", "relearning"] as const).map((k) => (
            <div key={k} className="rounded-md bg-slate-100 p-2 dark:bg-slate-800">
              <dt className="text-sm capitalize">{k}</dt>
              <dd className="text-xl font-semibold" data-testid={`count-${k}`}>{counts[k]}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="forecast" title="Due in the next 30 days" summary={forecastSummary(forecast)}>
        <BarChart label="Cards due per day, next 30 days" describedBy="forecast-summary" bars={forecast.map((d) => ({ label: d.day, value: d.due, title: `${d.day}: ${plural(d.due, "card")} due` }))} />
      </Section>

      <Section id="retention" title="True retention" summary={retentionSummary(retention)}>
        <BarChart
          label="True retention per week, last 26 weeks"
          describedBy="retention-summary"
          max={1}
          colour="fill-emerald-600 dark:fill-emerald-400"
          bars={retention.weeks.map((w) => ({ label: w.week, value: w.all.rate ?? 0, title: `Week of ${w.week}: ${w.all.rate === null ? "no review-card reviews" : `${formatPercent(w.all.rate)} of ${w.all.passed + w.all.failed}`} (young ${formatPercent(w.young.rate)}, mature ${formatPercent(w.mature.rate)})` }))}
        />
      </Section>

      {optimizer && (
        <Card className="mb-4">
          <h2 className="mb-2 text-lg font-semibold">Optimize my scheduler</h2>
          <OptimizerPanel initial={optimizer} monthly={settings?.monthlyOptimize ?? false} />
        </Card>
      )}

      <div className="grid gap-4 md:grid-cols-3">
        {([
          ["stability", "Stability", "Stability (days until recall falls to 90 %)", distributions.stability],
          ["difficulty", "Difficulty", "Difficulty (1 easiest, 10 hardest)", distributions.difficulty],
          ["retrievability", "Retrievability now", "Current retrievability (chance of recall now)", distributions.retrievability],
        ] as const).map(([id, title, what, buckets]) => (
          <Section key={id} id={id} title={title} summary={histogramSummary(what, buckets)}>
            <BarChart label={`${title} of studied cards`} describedBy={`${id}-summary`} colour="fill-violet-600 dark:fill-violet-400" bars={buckets.map((b) => ({ label: b.label, value: b.count, title: `${b.label}: ${plural(b.count, "card")}` }))} />
          </Section>
        ))}
      </div>
    </div>
  );
}

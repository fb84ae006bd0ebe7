// The calibration (reliability) chart of an assignment page: each bin of predicted recall
// as a point (predicted, observed) against the diagonal of perfect calibration, with the
// table it is drawn from. Server-rendered SVG, no client code.
import type { z } from "zod";
import type { calibrationSchema } from "@/lib/api/stats";
import { formatPercent, plural } from "@/app/_components/format";

type Calibration = z.infer<typeof calibrationSchema>;
const SIZE = 160;
const at = (v: number) => Math.round(v * SIZE * 10) / 10;

export function CalibrationChart({ calibration: c }: { calibration: Calibration }) {
  if (c.reviews + c.quizAnswers === 0) return <p className="text-sm">No reviews or quiz answers on review-state cards yet: this chart fills in as students come back to cards.</p>;
  const bins = c.bins.filter((b) => b.count > 0);
  const summary = `Over ${plural(c.reviews, "review")} and ${plural(c.quizAnswers, "quiz answer")}, the recall the app predicted was off by ${formatPercent(c.rmseBins)} (RMSE over the bins, weighted by answers; mean absolute gap ${formatPercent(c.ece)}). ` +
    bins.map((b) => `Predicted ${formatPercent(b.predicted)}: recalled ${formatPercent(b.observed)} of ${b.count}`).join("; ") + ".";
  return (
    <div className="flex flex-wrap items-start gap-4">
      <svg role="img" aria-label="Predicted against observed recall" aria-describedby="calibration-summary" viewBox={`-24 -8 ${SIZE + 32} ${SIZE + 32}`} className="h-auto w-56">
        <rect x={0} y={0} width={SIZE} height={SIZE} className="fill-none stroke-slate-300 dark:stroke-slate-600" />
        <line x1={0} y1={SIZE} x2={SIZE} y2={0} className="stroke-slate-400" strokeDasharray="4 3" />
        {bins.map((b) => (
          <circle key={b.from} cx={at(b.predicted!)} cy={SIZE - at(b.observed!)} r={Math.min(8, 2.5 + Math.sqrt(b.count) / 2)} className="fill-sky-600 dark:fill-sky-400">
            <title>{`Predicted ${formatPercent(b.predicted)}, recalled ${formatPercent(b.observed)} (${plural(b.count, "answer")})`}</title>
          </circle>
        ))}
        <text x={SIZE / 2} y={SIZE + 18} fontSize={10} textAnchor="middle" className="fill-slate-700 dark:fill-slate-200">predicted</text>
        <text x={-10} y={SIZE / 2} fontSize={10} textAnchor="middle" transform={`rotate(-90 -10 ${SIZE / 2})`} className="fill-slate-700 dark:fill-slate-200">observed</text>
      </svg>
      <p id="calibration-summary" className="max-w-prose text-sm text-slate-700 dark:text-slate-200">{summary}</p>
    </div>
  );
}

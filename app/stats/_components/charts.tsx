// Hand-rolled SVG charts, rendered on the server: no charting library and no client
// JavaScript, so nothing of them reaches any other page's bundle (/review included).
// Each chart is an image described by its text summary (aria-describedby), and each bar
// or day carries a <title> for pointer users.
import type { ReactNode } from "react";
import { addDays, daysFrom, heatLevel } from "@/lib/stats/calendar";

const HEAT_FILL = ["fill-slate-200 dark:fill-slate-700", "fill-emerald-200 dark:fill-emerald-900", "fill-emerald-400 dark:fill-emerald-700", "fill-emerald-600 dark:fill-emerald-500", "fill-emerald-800 dark:fill-emerald-300"];
const CELL = 11;
const GAP = 2;

/** One square per day of the past year, a column per week (Monday at the top). */
export function Heatmap({ days, start, today, describedBy }: { days: { day: string; reviews: number }[]; start: string; today: string; describedBy: string }) {
  const counts = new Map(days.map((d) => [d.day, d.reviews]));
  const max = Math.max(0, ...days.map((d) => d.reviews));
  const firstMonday = addDays(start, -((new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7));
  const total = daysFrom(start, today) + 1;
  const cells: ReactNode[] = [];
  for (let i = 0; i < total; i++) {
    const day = addDays(start, i);
    const offset = daysFrom(firstMonday, day);
    const n = counts.get(day) ?? 0;
    cells.push(
      <rect key={day} x={Math.floor(offset / 7) * (CELL + GAP)} y={(offset % 7) * (CELL + GAP)} width={CELL} height={CELL} rx={2} className={HEAT_FILL[heatLevel(n, max)]}>
        <title>{`${day}: ${n} review${n === 1 ? "" : "s"}`}</title>
      </rect>,
    );
  }
  const weeks = Math.floor(daysFrom(firstMonday, today) / 7) + 1;
  return (
    <svg role="img" aria-label="Reviews per day, past year" aria-describedby={describedBy} viewBox={`0 0 ${weeks * (CELL + GAP)} ${7 * (CELL + GAP)}`} className="h-auto w-full max-w-3xl">
      {cells}
    </svg>
  );
}

export type Bar = { label: string; value: number; title: string };

const BAR_H = 120;

/** Vertical bars scaled to the largest (or to `max`), with the first and last labels under the axis. */
export function BarChart({ bars, label, describedBy, max, colour = "fill-sky-600 dark:fill-sky-400" }: { bars: Bar[]; label: string; describedBy: string; max?: number; colour?: string }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const width = 16;
  const w = bars.length * width;
  return (
    <svg role="img" aria-label={label} aria-describedby={describedBy} viewBox={`0 0 ${w} ${BAR_H + 16}`} className="h-auto w-full max-w-xl">
      <line x1={0} x2={w} y1={BAR_H + 0.5} y2={BAR_H + 0.5} className="stroke-slate-400" strokeWidth={1} />
      {bars.map((b, i) => {
        const h = top > 0 ? Math.round((BAR_H * Math.min(b.value, top)) / top) : 0;
        return (
          <g key={`${b.label}-${i}`}>
            <rect x={i * width + 2} y={BAR_H - h} width={width - 4} height={Math.max(h, 0)} className={colour} />
            {/* A transparent full-height target, so a bar of 0 still shows its title. */}
            <rect x={i * width} y={0} width={width} height={BAR_H} fill="transparent">
              <title>{b.title}</title>
            </rect>
          </g>
        );
      })}
      {bars.length > 0 && (
        <>
          <text x={0} y={BAR_H + 12} fontSize={9} className="fill-slate-700 dark:fill-slate-200">{bars[0]!.label}</text>
          <text x={w} y={BAR_H + 12} fontSize={9} textAnchor="end" className="fill-slate-700 dark:fill-slate-200">{bars[bars.length - 1]!.label}</text>
        </>
      )}
    </svg>
  );
}

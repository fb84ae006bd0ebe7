// How far along the session is, and what is left by kind (Anki's new/learning/review).
import type { Counts } from "./session-state";

export function SessionProgress({ done, counts }: { done: number; counts: Counts }) {
  const left = counts.new + counts.learning + counts.review;
  const total = done + left;
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  const label = `${done} of ${total} done`;
  return (
    <div className="mb-4">
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <span id="progress-label" className="font-medium">
          {label}
        </span>
        <span aria-label={`Left: ${counts.new} new, ${counts.learning} learning, ${counts.review} to review`} data-testid="remaining-counts">
          <span className="text-sky-800 dark:text-sky-300">{counts.new} new</span>
          {" · "}
          <span className="text-red-800 dark:text-red-300">{counts.learning} learning</span>
          {" · "}
          <span className="text-green-800 dark:text-green-300">{counts.review} review</span>
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={label}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full rounded-full bg-sky-600 transition-[width] dark:bg-sky-400" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

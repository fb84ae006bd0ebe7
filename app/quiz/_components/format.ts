// Formatting for the quiz pages, on top of the app's shared formatting (dates in the
// learner's own zone, percentages).
import { formatDateTime, formatPercent } from "@/app/_components/format";

export { formatDateTime };

/**
 * A quiz's time taken, to the second where it matters: "45 s", "2 min 05 s", "1 h 02 min".
 * (Study time elsewhere is rounded to minutes: app/_components/format.ts formatDuration.)
 */
export function formatDuration(totalSec: number): string {
  const sec = Math.max(0, Math.round(totalSec));
  if (sec < 60) return `${sec} s`;
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min ${String(s).padStart(2, "0")} s`;
}

export const AT_RISK_TITLE = "Cards I'm about to forget";

/** What a quiz was about: its deck, or the learner's at-risk cards. */
export const quizTitle = (deckTitle: string | null): string => deckTitle ?? AT_RISK_TITLE;

export const percent = (score: number, total: number): string => formatPercent(total === 0 ? 0 : score / total);

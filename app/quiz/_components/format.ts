// Formatting for the quiz pages. Dates are shown in the learner's own time zone (their
// review settings), so server-rendered text matches what they chose.

export function formatDateTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  try {
    return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);
  } catch {
    return `${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d)} UTC`;
  }
}

/** "45 s", "2 min 05 s", "1 h 02 min". */
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

export const percent = (score: number, total: number): string => (total === 0 ? "0%" : `${Math.round((score / total) * 100)}%`);

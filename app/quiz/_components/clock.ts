// The quiz clock, as pure functions: the deadline is the server's, and so is "now", so a
// browser whose clock is wrong still counts down to the moment the server will enforce.

/**
 * Server time minus browser time, from one request: the server's `serverNow` was taken
 * somewhere between sending and receiving, so the midpoint is the best guess (off by at
 * most half the round trip).
 */
export function clockOffsetMs(serverNowIso: string, sentAtMs: number, receivedAtMs: number): number {
  return Date.parse(serverNowIso) - (sentAtMs + receivedAtMs) / 2;
}

/** Milliseconds left until the deadline, never negative. */
export function remainingMs(deadlineIso: string, offsetMs: number, browserNowMs: number): number {
  return Math.max(0, Date.parse(deadlineIso) - (browserNowMs + offsetMs));
}

/** "4:05", "0:09", "1:02:03": whole seconds rounded up, so 0:00 shows only when time is up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** The same time in words, for screen readers: "4 minutes 5 seconds". */
export function clockInWords(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const part = (n: number, unit: string) => (n === 0 ? "" : `${n} ${unit}${n === 1 ? "" : "s"}`);
  return [part(h, "hour"), part(m, "minute"), part(s, "second")].filter(Boolean).join(" ") || "0 seconds";
}

/** Moments worth announcing to screen readers (seconds left), besides "time is up". */
export const ANNOUNCE_AT_SEC = [600, 300, 120, 60, 30, 10] as const;

/**
 * The announcement due when the clock moves from `beforeMs` to `nowMs` left, if it
 * crossed one of ANNOUNCE_AT_SEC (the latest one crossed, if a tick skipped several).
 */
export function crossedAnnouncement(beforeMs: number, nowMs: number): string | null {
  const crossed = ANNOUNCE_AT_SEC.filter((sec) => beforeMs > sec * 1000 && nowMs <= sec * 1000 && nowMs > 0);
  const sec = crossed.at(-1);
  return sec === undefined ? null : `${clockInWords(sec * 1000)} left.`;
}

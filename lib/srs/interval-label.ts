// Anki-style answer-button labels: "10m", "1h", "3d", "1.2mo", "2y".

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** One decimal at most, and none when it would be ".0" ("1.2", "2"). */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * `scheduledDays` > 0 labels by learner days (what the learner experiences,
 * even when a DST change makes the real duration 23 or 25 hours longer or
 * shorter); otherwise the real time until `due` labels a (re)learning step.
 */
export function intervalLabel(scheduledDays: number, untilDueMs: number): string {
  if (scheduledDays <= 0) {
    const minutes = Math.max(1, Math.round(untilDueMs / MINUTE_MS));
    return minutes < 60 ? `${minutes}m` : `${oneDecimal(untilDueMs / HOUR_MS)}h`;
  }
  if (scheduledDays < 30) return `${scheduledDays}d`;
  if (scheduledDays < 365) return `${oneDecimal(scheduledDays / 30)}mo`;
  return `${oneDecimal(scheduledDays / 365)}y`;
}

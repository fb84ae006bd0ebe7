// A learner's clock: which calendar "day" an instant belongs to for them.
//
// A learner day starts at `rolloverHour` o'clock on their wall clock (Anki's
// default is 4 a.m., so a session past midnight still counts as "tonight").
// We express that as a "day time": the instant's wall-clock reading, minus the
// rollover hour, written as if it were UTC. The UTC calendar date of a day time
// IS the learner day, so any code that counts UTC calendar days (ts-fsrs does)
// counts learner days when fed day times.
//
// Offsets come from Intl.DateTimeFormat, so DST and historical zone changes are
// whatever the runtime's ICU data says; nothing here hard-codes an offset.

export type LearnerClock = { timezone: string; rolloverHour: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

// Zone names are validated on every settings read; constructing a formatter costs ~0.1 ms.
const canonicalZones = new Map<string, string>();

/** True when the runtime knows `timezone` as an IANA zone (or "UTC"). */
export function isValidTimeZone(timezone: string): boolean {
  if (canonicalZones.has(timezone)) return true;
  try {
    if (canonicalZones.size >= 10_000) canonicalZones.clear(); // odd spellings must not grow it forever
    canonicalZones.set(timezone, new Intl.DateTimeFormat("en-US", { timeZone: timezone }).resolvedOptions().timeZone);
    return true;
  } catch {
    return false;
  }
}

let listedZones: Map<string, string> | undefined;

/**
 * The name to store for a zone a person chose, or null for an unknown one. Kept as chosen:
 * an alias such as "Asia/Kolkata" stays "Asia/Kolkata", not the runtime's canonical
 * "Asia/Calcutta" (people pick the name they know, and expect to see it again). Only its
 * letter case is fixed, from the runtime's list of zones (Intl.supportedValuesOf) or its
 * canonical name when that differs from the given one by case alone ("utc" → "UTC").
 */
export function chosenTimeZone(timezone: string): string | null {
  const given = timezone.trim();
  listedZones ??= new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));
  const listed = listedZones.get(given.toLowerCase());
  if (listed) return listed;
  if (!isValidTimeZone(given)) return null;
  const canonical = canonicalZones.get(given)!;
  return canonical.toLowerCase() === given.toLowerCase() ? canonical : given;
}

/**
 * Offsets per (zone, UTC day): the offset when it is the same at the day's first and last
 * second, null when a transition falls inside the day. Zones never change twice within a
 * day, so a day whose ends agree has one offset throughout. Formatting a date in a zone
 * costs ~20 µs and a review queue asks ~10 times per card; most instants hit this cache.
 */
const dayOffsets = new Map<string, number | null>();
const DAY_OFFSETS_MAX = 100_000;

/** How far `timezone`'s wall clock is ahead of UTC at `atMs`, in ms (New York in summer: -4 h). */
export function zoneOffsetMs(atMs: number, timezone: string): number {
  const day = Math.floor(atMs / DAY_MS);
  const key = `${timezone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = exactZoneOffsetMs(day * DAY_MS, timezone);
    offset = first === exactZoneOffsetMs((day + 1) * DAY_MS - 1000, timezone) ? first : null;
    if (dayOffsets.size >= DAY_OFFSETS_MAX) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset ?? exactZoneOffsetMs(atMs, timezone);
}

function exactZoneOffsetMs(atMs: number, timezone: string): number {
  const wholeSecond = Math.floor(atMs / 1000) * 1000;
  const parts = wallClockFormatter(timezone).formatToParts(new Date(wholeSecond));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const wallAsUtc = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return wallAsUtc - wholeSecond;
}

function dayTimeMs(atMs: number, clock: LearnerClock): number {
  return atMs + zoneOffsetMs(atMs, clock.timezone) - clock.rolloverHour * HOUR_MS;
}

/** The learner's day time of an instant (see the top of this file). */
export function toDayTime(at: Date, clock: LearnerClock): Date {
  return new Date(dayTimeMs(at.getTime(), clock));
}

/**
 * The earliest instant whose day time is at or after `dayTime`. Usually the
 * exact inverse of toDayTime; when the clock is set back (a wall time happens
 * twice) it picks the first occurrence, and when it springs forward over the
 * wanted wall time it picks the moment the clock jumps.
 */
export function fromDayTime(dayTime: Date, clock: LearnerClock): Date {
  const target = dayTime.getTime();
  const wall = target + clock.rolloverHour * HOUR_MS;
  // An instant's offset differs from the offset at its wall time read as UTC
  // by at most one transition, and zones never change twice within ~2 days, so
  // the offsets 36 h either side bracket every candidate.
  const before = zoneOffsetMs(wall - 36 * HOUR_MS, clock.timezone);
  const after = zoneOffsetMs(wall + 36 * HOUR_MS, clock.timezone);
  const exact = [wall - before, wall - after]
    .filter((candidate) => dayTimeMs(candidate, clock) === target)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);

  // The wall time was skipped: find the jump between the two candidates.
  let low = Math.min(wall - before, wall - after); // day time < target
  let high = Math.max(wall - before, wall - after); // day time > target
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (dayTimeMs(middle, clock) >= target) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The learner day ("YYYY-MM-DD") a day time falls on. */
export function dayKeyOf(dayTime: Date): string {
  return dayTime.toISOString().slice(0, 10);
}

/** Midnight (in day-time terms) of the learner day containing `dayTime`. */
export function startOfDayTime(dayTime: Date): Date {
  return new Date(Math.floor(dayTime.getTime() / DAY_MS) * DAY_MS);
}

/** Whole learner days from one day time to another (negative when `to` is an earlier day). */
export function daysBetweenDayTimes(from: Date, to: Date): number {
  return Math.round((startOfDayTime(to).getTime() - startOfDayTime(from).getTime()) / DAY_MS);
}

/** Whole learner days from `from` to `to` (negative when `to` is an earlier day). */
export function learnerDaysBetween(from: Date, to: Date, clock: LearnerClock): number {
  return daysBetweenDayTimes(toDayTime(from, clock), toDayTime(to, clock));
}

import { formatDate as formatExtractedDate, MONTH_NAMES } from "@/lib/extract/dates";
import type { PartialDate } from "@/lib/extract/types";

/**
 * Date helpers for quizzes. A card's date carries exactly the precision its
 * source gives (year, month or day), and a quiz must never compare or show
 * dates more precisely than that.
 */

export type { PartialDate };
export type Precision = "year" | "month" | "day";

const RANK: Record<Precision, number> = { year: 1, month: 2, day: 3 };

export const precisionOf = (d: PartialDate): Precision => (d.day !== undefined ? "day" : d.month !== undefined ? "month" : "year");

export const samePrecision = (a: PartialDate, b: PartialDate): boolean => precisionOf(a) === precisionOf(b);

/** The least precise of the given precisions ("year" for none). */
export function coarsest(precisions: Iterable<Precision>): Precision {
  let out: Precision | null = null;
  for (const p of precisions) if (out === null || RANK[p] < RANK[out]) out = p;
  return out ?? "year";
}

/** `d` cut down to `precision` (never made more precise). */
export function truncate(d: PartialDate, precision: Precision): PartialDate {
  const p = coarsest([precision, precisionOf(d)]);
  if (p === "year") return { year: d.year };
  if (p === "month") return { year: d.year, month: d.month };
  return { year: d.year, month: d.month, day: d.day };
}

/**
 * "16 April 1922", "April 1922" or "1922": the extractor's wording, so quiz
 * options read like the card answers the learner studied.
 */
export const formatDate = (d: PartialDate): string => formatExtractedDate(d);

/**
 * Orders two dates at `precision`, or at the coarser date's precision if that
 * is less precise: "1922" and "16 April 1922" compare equal, because we do not
 * know which came first. Negative when `a` is earlier.
 */
export function compareDates(a: PartialDate, b: PartialDate, precision: Precision = "day"): number {
  const p = RANK[coarsest([precision, precisionOf(a), precisionOf(b)])];
  if (a.year !== b.year) return a.year - b.year;
  if (p >= RANK.month && a.month !== b.month) return (a.month ?? 0) - (b.month ?? 0);
  if (p >= RANK.day && a.day !== b.day) return (a.day ?? 0) - (b.day ?? 0);
  return 0;
}

/**
 * True when `a` and `b` are the same date at the same precision, however they
 * are written ("16 April 1922", "April 16, 1922", "1922-04-16", "16th Apr
 * 1922"). Different precisions are different answers ("1922" is not "April
 * 1922"). Text that is not a date is compared as normalised text, so two
 * identical non-dates are still caught.
 */
export function sameDate(a: PartialDate | string, b: PartialDate | string): boolean {
  const da = typeof a === "string" ? parseDate(a) : a;
  const db = typeof b === "string" ? parseDate(b) : b;
  if (da && db) return samePrecision(da, db) && compareDates(da, db) === 0;
  if (!da && !db) return normalise(String(a)) === normalise(String(b));
  return false;
}

/** The same month and day `years` later (or earlier); 29 February becomes the 28th in a common year. */
export function shiftYears(d: PartialDate, years: number): PartialDate {
  const year = d.year + years;
  if (d.month === undefined) return { year };
  if (d.day === undefined) return { year, month: d.month };
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) };
}

// --- Parsing ---------------------------------------------------------------

const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name.toLowerCase(), i + 1);
  MONTHS.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTHS.set("sept", 9);

const ISO = /^(\d{3,4})-(\d{1,2})(?:-(\d{1,2}))?$/;
const DAY_MONTH_YEAR = /^(\d{1,2}) ([a-z]+) (\d{1,4})$/;
const MONTH_DAY_YEAR = /^([a-z]+) (\d{1,2}) (\d{1,4})$/;
const MONTH_YEAR = /^([a-z]+) (\d{1,4})$/;
const YEAR = /^(\d{1,4})$/;

/**
 * A date written in any of the usual English forms, at the precision written;
 * null when the text is not exactly one valid date. Years are AD.
 */
export function parseDate(text: string): PartialDate | null {
  const t = normalise(text)
    .replace(/(\d)(?:st|nd|rd|th)\b/g, "$1")
    .replace(/[.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  let m: RegExpMatchArray | null;
  if ((m = t.match(ISO))) return build(m[1], m[2], m[3]);
  if ((m = t.match(DAY_MONTH_YEAR))) return build(m[3], MONTHS.get(m[2] ?? "") ?? 0, m[1]);
  if ((m = t.match(MONTH_DAY_YEAR))) return build(m[3], MONTHS.get(m[1] ?? "") ?? 0, m[2]);
  if ((m = t.match(MONTH_YEAR))) return build(m[2], MONTHS.get(m[1] ?? "") ?? 0);
  if ((m = t.match(YEAR))) return build(m[1]);
  return null;
}

function build(year?: string, month?: string | number, day?: string): PartialDate | null {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 1) return null;
  if (month === undefined) return { year: y };
  const mo = Number(month);
  if (!Number.isInteger(mo) || mo < 1 || mo > 12) return null;
  if (day === undefined) return { year: y, month: mo };
  const d = Number(day);
  if (!Number.isInteger(d) || d < 1 || d > daysInMonth(y, mo)) return null;
  return { year: y, month: mo, day: d };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Proleptic Gregorian, computed by hand: Date.UTC maps years 0-99 to 1900-1999.
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (year: number, month: number): number => (month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] ?? 31));

const normalise = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

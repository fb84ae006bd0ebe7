import * as chrono from "chrono-node";
import type { PartialDate } from "./types";

/**
 * Date expressions, at exactly the precision the text gives. chrono-node reads
 * the calendar forms ("9 June 1815", "June 9, 1815", "Sept. 17, 1939", "the 1st
 * of September 1939", "1939-09-01", "30 July – 1 August 1975"); parsers added
 * to it below read the historical ones it lacks: bare years ("in 1922", "AD
 * 1240", "44 BC"), year ranges ("1918–1920", "1939-45"), seasons and parts of
 * a year ("the spring of 1922", "mid-1940", "early 1848") and approximations
 * ("c. 1450", "circa 1325"). Decisions:
 * - "1922" is the year 1922, never 1 January 1922; approximate forms are
 *   stored as the year and answered as written ("c. 1450", "spring 1922").
 * - A range is stored as its start and answered as the range.
 * - "Nov/Dec 1933" is the year only; the answer keeps both months.
 * - A day and month without a year ("12 March") is a date expression (it is
 *   not a figure) but never becomes a card: no year is borrowed from context.
 * - Month names count only when capitalised: "may" and "march" are verbs.
 * - Numeric slash dates ("1/2/1920") are ambiguous between day and month
 *   orders and are not read; dotted ones ("28.06.1914") are day first.
 */

export type DateShape = "day" | "month" | "year" | "range" | "either-month" | "approximate";

export interface DateMatch {
  start: number;
  end: number;
  date: PartialDate;
  /** Neutral answer text, e.g. "16 April 1922", "1918–1920", "c. 1450". */
  answer: string;
  shape: DateShape;
  /** "c. 1450", "spring 1922", "mid-1940": the date is approximate. */
  approximate: boolean;
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** A month written out or abbreviated ("September", "Sept", "Sep"): one source for every module that reads dates. */
export const MONTH_WORD = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const MONTH_RE = new RegExp(`\\b(${MONTH_WORD})\\b`, "i");
/** A month name right before a position ("30 February 1920"): the year after it is that date's, not a year alone. */
const MONTH_BEFORE_RE = new RegExp(`${MONTH_WORD}\\.?,?\\s+$`);
const MONTHS: Record<string, number> = {};
MONTH_NAMES.forEach((m, i) => {
  MONTHS[m.toLowerCase()] = i + 1;
  MONTHS[m.slice(0, 3).toLowerCase()] = i + 1;
});
MONTHS.sept = 9;

const yearText = (y: number): string => (y <= 0 ? `${1 - y} BC` : y < 1000 ? `AD ${y}` : String(y));

export function formatDate(d: PartialDate): string {
  const month = d.month === undefined ? undefined : MONTH_NAMES[d.month - 1];
  const y = yearText(d.year);
  if (d.day !== undefined && month) return `${d.day} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y;
}

/** "18–24 April 1955", "30 July – 1 August 1975", "15 November 1884 – 26 February 1885". */
function rangeText(a: PartialDate, b: PartialDate): string {
  if (a.year === b.year && a.month === b.month && a.day !== undefined && b.day !== undefined) return `${a.day}–${formatDate(b)}`;
  if (a.year === b.year && a.day !== undefined) return `${a.day} ${MONTH_NAMES[(a.month ?? 1) - 1]} – ${formatDate(b)}`;
  if (a.year === b.year && a.month !== undefined && b.month !== undefined && a.day === undefined) return `${MONTH_NAMES[a.month - 1]}–${formatDate(b)}`;
  return `${formatDate(a)} – ${formatDate(b)}`;
}

/** Precision rank, used to keep the more precise of two mentions of one fact. */
export const precision = (d: PartialDate): number => (d.day !== undefined ? 3 : d.month !== undefined ? 2 : 1);

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function build(y: number, m?: number, d?: number): PartialDate | null {
  if (!Number.isInteger(y) || y < -3000 || y > 2100) return null;
  if (m === undefined) return { year: y };
  if (m < 1 || m > 12) return null;
  if (d === undefined) return { year: y, month: m };
  if (d < 1 || d > daysIn(Math.max(y, 1), m)) return null;
  return { year: y, month: m, day: d };
}

// What follows a number that is a count, not a year: "1500 soldiers", "1200 km".
const COUNT_NOUN =
  "(?:soldiers|men|troops|people|persons|dead|killed|deaths|casualties|ships|tanks|aircraft|planes|guns|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|acres|pounds|dollars|francs|marks|roubles|rubles|votes|members|delegates|seats|workers|prisoners|refugees|hectares|square)";
const ERA_BEFORE = "(?:AD|A\\.D\\.|CE)";
const ERA_AFTER = "(?:AD|A\\.D\\.|CE|BC|BCE|B\\.C\\.|B\\.C\\.E\\.)";
const NOT_AFTER = `(?![\\p{L}\\p{N}]|[.,]\\d|\\s*(?:%|per\\s?cent|${COUNT_NOUN}\\b))`;

/** Year from "1848", "AD 476", "44 BC". */
function eraYear(digits: string, _eraBefore?: string, eraAfter?: string): number {
  const n = Number(digits);
  return eraAfter && /^B/i.test(eraAfter) ? 1 - n : n;
}

type Extracted = { start: PartialDate; end?: PartialDate; answer?: string; shape: DateShape; approximate?: boolean };
const extras = new WeakMap<object, Extracted>();

// Custom chrono parsers. Each returns a result whose year (and only year) is certain,
// and remembers our own reading of it (shape, answer) for the conversion below.
function yearParser(pattern: RegExp, read: (m: RegExpMatchArray) => Extracted | null): chrono.Parser {
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const x = read(match);
      if (!x) return null;
      const result = context.createParsingResult(match.index ?? 0, match[0], { year: x.start.year }, x.end ? { year: x.end.year } : undefined);
      extras.set(result, x);
      return result;
    },
  };
}

const Y4 = "(1\\d{3}|20\\d{2})";
const parsers: chrono.Parser[] = [
  // "c. 1450", "circa 1325", "ca. 1200", "around 1500"
  yearParser(new RegExp(`(?<![\\p{L}\\p{N}])(?:c\\.|ca\\.|circa|around|about)\\s?(\\d{3,4})(?:\\s*(${ERA_AFTER}))?${NOT_AFTER}`, "iu"), (m) => {
    const y = eraYear(m[1] ?? "", undefined, m[2]);
    const d = build(y);
    return d ? { start: d, shape: "approximate", approximate: true, answer: `c. ${yearText(y)}` } : null;
  }),
  // "the spring of 1922", "spring 1922", "early 1848", "mid-1940", "late 1917"
  yearParser(new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?(spring|summer|autumn|fall|winter|early|mid|late)(?:-|\\s+of\\s+|\\s+in\\s+|\\s+)${Y4}${NOT_AFTER}`, "iu"), (m) => {
    const part = (m[1] ?? "").toLowerCase();
    const d = build(Number(m[2]));
    if (!d) return null;
    return { start: d, shape: "approximate", approximate: true, answer: part === "mid" ? `mid-${d.year}` : `${part} ${d.year}` };
  }),
  // "Aug 24th, AD 410", "24 August AD 410": a day and month in an early year written with its era.
  yearParser(new RegExp(`\\b(?:(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_WORD})\\.?),?\\s+(?:AD|A\\.D\\.|CE)\\s?(\\d{1,4})\\b`, "u"), (m) => {
    const mo = MONTHS[(m[1] ?? m[4] ?? "").toLowerCase()];
    const d = build(Number(m[5]), mo, Number(m[2] ?? m[3]));
    return d ? { start: d, shape: "day", answer: `${formatDate(d)}` } : null;
  }),
  // "July 1–3, 1863": a US-style day range within a month.
  yearParser(new RegExp(`\\b(${MONTH_WORD})\\.?\\s+(\\d{1,2})\\s*[–—-]\\s*(\\d{1,2}),?\\s+${Y4}\\b`, "u"), (m) => {
    const mo = MONTHS[(m[1] ?? "").toLowerCase()];
    const a = build(Number(m[4]), mo, Number(m[2]));
    const b = build(Number(m[4]), mo, Number(m[3]));
    if (!a || !b || (b.day ?? 0) <= (a.day ?? 0)) return null;
    return { start: a, end: b, shape: "range", answer: `${a.day}–${formatDate(b)}` };
  }),
  // "between 22 and 24 October 1956": a day range within a month, joined by "and".
  yearParser(new RegExp(`(?<=\\b(?:[Bb]etween|[Ff]rom)\\s)(\\d{1,2})(?:st|nd|rd|th)?\\s+and\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORD})\\.?,?\\s+${Y4}\\b`, "u"), (m) => {
    const mo = MONTHS[(m[3] ?? "").toLowerCase()];
    const a = build(Number(m[4]), mo, Number(m[1]));
    const b = build(Number(m[4]), mo, Number(m[2]));
    if (!a || !b || (b.day ?? 0) <= (a.day ?? 0)) return null;
    return { start: a, end: b, shape: "range", answer: `${a.day}–${formatDate(b)}` };
  }),
  // "Nov/Dec 1933"
  yearParser(new RegExp(`\\b(${MONTH_WORD})\\.?\\s*/\\s*(${MONTH_WORD})\\.?\\s+${Y4}\\b`, "u"), (m) => {
    const a = MONTHS[(m[1] ?? "").toLowerCase()];
    const b = MONTHS[(m[2] ?? "").toLowerCase()];
    const d = build(Number(m[3]));
    if (!d || !a || !b) return null;
    return { start: d, shape: "either-month", answer: `${MONTH_NAMES[a - 1]}/${MONTH_NAMES[b - 1]} ${d.year}` };
  }),
  // "1904 (Jan)", "1917 (July)": a chronology's year with its month after it.
  yearParser(new RegExp(`(?<![\\p{L}\\p{N}.,/-])${Y4}\\s*\\((${MONTH_WORD})\\.?\\)`, "u"), (m) => {
    const d = build(Number(m[1]), MONTHS[(m[2] ?? "").toLowerCase()]);
    return d ? { start: d, shape: "month" } : null;
  }),
  // "1332 to 1323 BC", "about 1332–1323 BC": a reign or a period BC counts down.
  yearParser(new RegExp(`(?<![\\p{L}\\p{N}.,/-])(?:(c\\.|ca\\.|circa|about|around)\\s?)?(\\d{1,4})\\s*(?:–|—|-|\\bto\\b)\\s*(\\d{1,4})\\s?(BC|BCE|B\\.C\\.)${NOT_AFTER}`, "u"), (m) => {
    const a = Number(m[2]);
    const b = Number(m[3]);
    const start = build(eraYear(m[2] ?? "", undefined, "BC"));
    const end = build(eraYear(m[3] ?? "", undefined, "BC"));
    if (!start || !end || !(a > b)) return null;
    return { start, end, shape: "range", approximate: !!m[1], answer: `${m[1] ? "c. " : ""}${a}–${b} BC` };
  }),
  // "1918–1920", "1939-45", "1337 to 1453" (after "from"), "1803–15"
  yearParser(new RegExp(`(?<![\\p{L}\\p{N}.,/-])${Y4}\\s*(?:–|—|-|\\bto\\b)\\s*(\\d{4}|\\d{2})(?![\\p{N}]|-\\d)`, "u"), (m) => {
    const a = Number(m[1]);
    const rb = m[2] ?? "";
    const b = rb.length === 2 ? Math.floor(a / 100) * 100 + Number(rb) : Number(rb);
    const start = build(a);
    if (!start || !(b > a) || b - a > 200) return null;
    return { start, end: { year: b }, shape: "range", answer: `${a}–${b}` };
  }),
  // "AD 1240", "476 AD", "44 BC" (a bare "1066" is read after chrono: its filters drop number-only results)
  yearParser(new RegExp(`(?<![\\p{L}\\p{N}.,/£$€#-])(?:(${ERA_BEFORE})\\s?(\\d{1,4})|(\\d{1,4})\\s?(${ERA_AFTER}))${NOT_AFTER}`, "u"), (m) => {
    const digits = m[2] ?? m[3] ?? "";
    const y = eraYear(digits, m[1], m[4]);
    const d = build(y);
    return d ? { start: d, shape: "year" } : null;
  }),
];

const casual = chrono.en.GB.clone();
casual.parsers.push(...parsers);
// chrono's own year-range merging would join "1918" and "1920" from separate mentions; our range parser does it.

const REF = new Date(Date.UTC(2000, 0, 1));
// "1/2/1920" is 1 February in Britain and January 2 in the United States: not read. A dotted
// "28.06.1914" is day first wherever it is written, and chrono reads it so.
const SLASH_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$|^\d{1,2}\.\d{1,2}\.\d{2}$/;
const LEAD = /^(?:(?:on|in|of|the|at|by|from|since|until|during)\s+)+/i;
const MONTH_DAY_RE = new RegExp(`^${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?$`);

/** Every date expression, including day-and-month ones with no year (yearless). */
export function findDateExpressions(text: string): (DateMatch & { yearless: boolean })[] {
  const out: (DateMatch & { yearless: boolean })[] = [];
  // Every date this module reads has a digit; most sentences have none, and chrono is the costly part.
  if (!/\d/.test(text)) return out;
  let results: chrono.ParsedResult[];
  try {
    results = casual.parse(text, REF, { forwardDate: false });
  } catch {
    return out;
  }
  for (const r of results) {
    let start = r.index;
    let matched = r.text;
    // "the night of 16 December 1773", "the early hours of 30 September 1938": chrono reads a time of day; the date follows "of".
    const partOfDay = /^(?:the\s+)?(?:night|morning|evening|afternoon|dawn|early hours|small hours)\s+of\s+/i.exec(matched);
    if (partOfDay && !r.start.isCertain("month")) {
      for (const inner of findDateExpressions(matched.slice(partOfDay[0].length))) {
        out.push({ ...inner, start: inner.start + start + partOfDay[0].length, end: inner.end + start + partOfDay[0].length });
      }
      continue;
    }
    // "Thursday, Oct. 24, 1929": the weekday is not part of the date (it may be part of a name, "Black Thursday").
    const weekday = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+/.exec(matched);
    if (weekday) {
      start += weekday[0].length;
      matched = matched.slice(weekday[0].length);
    }
    const lead = LEAD.exec(matched);
    if (lead && !extras.has(r as object)) {
      start += lead[0].length;
      matched = matched.slice(lead[0].length);
    }
    if (SLASH_DATE.test(matched)) continue;
    // ISO dates are year-month-day; chrono would also try year-day-month ("1920-13-02").
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(matched);
    if (iso && !build(Number(iso[1]), Number(iso[2]), Number(iso[3]))) continue;
    const end = start + matched.length;
    const x = extras.get(r as object);
    if (x) {
      out.push({ start, end, date: x.start, answer: x.answer ?? formatDate(x.start), shape: x.shape, approximate: x.approximate ?? false, yearless: false });
      continue;
    }
    const month = MONTH_RE.exec(matched);
    // Month names count only when capitalised ("they may 1990" is not May 1990).
    if (month && !/^\p{Lu}/u.test(month[1] ?? "")) continue;
    const s = r.start;
    if (!s.isCertain("month") && !s.isCertain("year")) continue; // times, weekdays
    // "the October Manifesto", "July Days", "the February Revolution": a month naming an event is no date.
    if (!s.isCertain("year") && !s.isCertain("day") && /^\s+\p{Lu}/u.test(text.slice(start + matched.length)) && !/\b(?:in|on|by|from|until|till|since|of|during|to|and|or|early|late|mid|that|last|next)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
    // "the Women's March on Versailles": a possessive owns a noun, not a month.
    if (!s.isCertain("year") && !s.isCertain("day") && /['’]s\s+$/.test(text.slice(Math.max(0, start - 4), start))) continue;
    // "now", "two years later", "12 March": a date expression (never a figure), but no year is written.
    // chrono reads "15 March 44 BC" itself, as year -44; the dates here count 1 BC as year 0.
    const era = /(?:(\d{1,4})\s?(BC|BCE|B\.C\.|AD|CE|A\.D\.)|(?:AD|CE|A\.D\.)\s?(\d{1,4}))\b/.exec(matched);
    const writtenYear = /\d{3,4}/.test(matched) || era !== null;
    const e = r.end;
    const yearCertain = writtenYear && (s.isCertain("year") || (e?.isCertain("year") ?? false));
    const y = era ? eraYear(era[1] ?? era[3] ?? "", undefined, era[2]) : (s.get("year") ?? 0);
    const m = s.isCertain("month") ? (s.get("month") ?? undefined) : undefined;
    // "August 15" with no year written: chrono reads a two-digit year (2015); it is the 15th.
    const dayAfterMonth = !writtenYear && m !== undefined ? MONTH_DAY_RE.exec(matched) : null;
    const d = dayAfterMonth ? Number(dayAfterMonth[1]) : m !== undefined && s.isCertain("day") ? (s.get("day") ?? undefined) : undefined;
    const date = build(dayAfterMonth ? REF.getUTCFullYear() : y, m, d);
    if (!date) continue;
    if (e && yearCertain) {
      const ey = e.get("year") ?? y;
      const em = e.isCertain("month") ? (e.get("month") ?? undefined) : undefined;
      const ed = em !== undefined && e.isCertain("day") ? (e.get("day") ?? undefined) : undefined;
      const endDate = build(ey, em, ed);
      if (!endDate) continue;
      out.push({ start, end, date, answer: rangeText(date, endDate), shape: "range", approximate: false, yearless: false });
      continue;
    }
    out.push({
      start,
      end,
      date,
      answer: formatDate(date),
      shape: date.day !== undefined ? "day" : date.month !== undefined ? "month" : "year",
      approximate: false,
      yearless: !yearCertain,
    });
  }
  // Bare years, where no other expression already covers them.
  const taken = out.map((d) => [d.start, d.end] as const);
  for (const m of text.matchAll(BARE_YEAR)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    // "30 February 1920" is no date, and its year alone is not one either.
    if (MONTH_BEFORE_RE.test(text.slice(Math.max(0, start - 12), start))) continue;
    const date = build(Number(m[0]));
    if (date) out.push({ start, end, date, answer: formatDate(date), shape: "year", approximate: false, yearless: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

const BARE_YEAR = new RegExp(`(?<![\\p{L}\\p{N}.,/£$€#-])(?:1\\d{3}|20\\d{2})(?!-\\d)${NOT_AFTER}`, "gu");

/** Date expressions with a year, left to right, non-overlapping. */
export function findDates(text: string): DateMatch[] {
  return findDateExpressions(text)
    .filter((d) => !d.yearless)
    .map(({ yearless: _yearless, ...d }) => d);
}

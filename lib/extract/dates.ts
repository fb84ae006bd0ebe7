import type { PartialDate } from "./types";

/**
 * Date expressions. Every match keeps exactly the precision written in the
 * text. Decisions where the spec was silent:
 * - "Nov/Dec 1933": structured date is the year only (the month is uncertain,
 *   we never pick one); the answer keeps the text's wording "November/December 1933".
 * - "1918–1920": structured date is the start year; the answer is the range.
 * - A day or month without a year ("August 31st") is not a date: we do not
 *   borrow a year from context.
 */

export type DateShape = "day" | "month" | "year" | "range" | "either-month";

export interface DateMatch {
  start: number;
  end: number;
  date: PartialDate;
  /** Neutral answer text, e.g. "16 April 1922". */
  answer: string;
  shape: DateShape;
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

const MONTHS: Record<string, number> = {};
MONTH_NAMES.forEach((m, i) => {
  MONTHS[m.toLowerCase()] = i + 1;
  MONTHS[m.slice(0, 3).toLowerCase()] = i + 1;
});
MONTHS.sept = 9;

// Month names are matched capitalised only: "may" and "march" are also verbs.
const M = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const ORD = "(?:st|nd|rd|th)?";
// One alternation, each branch a fixed sequence: linear time, no nested quantifiers.
const DATE_RE = new RegExp(
  [
    `(?<iso>\\b(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})\\b)`,
    `(?<dmy>\\b(?<dmyD>\\d{1,2})${ORD}\\s+(?<dmyM>${M})\\.?,?\\s+(?<dmyY>\\d{4})\\b)`,
    `(?<mdy>\\b(?<mdyM>${M})\\.?\\s+(?<mdyD>\\d{1,2})${ORD},?\\s+(?<mdyY>\\d{4})\\b)`,
    `(?<mm>\\b(?<mm1>${M})\\.?\\s*\\/\\s*(?<mm2>${M})\\.?\\s+(?<mmY>\\d{4})\\b)`,
    `(?<my>\\b(?<myM>${M})\\.?,?\\s+(?<myY>\\d{4})\\b)`,
    `(?<range>\\b(?<rA>1\\d{3}|20\\d{2})\\s*(?:–|—|-|to)\\s*(?<rB>1\\d{3}|20\\d{2}|\\d{2})\\b(?![-–]))`,
    `(?<year>\\b(?<yY>1\\d{3}|20\\d{2})\\b(?![-–]\\d))`,
  ].join("|"),
  "g",
);

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validYear = (y: number): boolean => y >= 1000 && y <= 2099;

export function formatDate(d: PartialDate): string {
  const month = d.month === undefined ? undefined : MONTH_NAMES[d.month - 1];
  if (d.day !== undefined && month) return `${d.day} ${month} ${d.year}`;
  if (month) return `${month} ${d.year}`;
  return String(d.year);
}

function build(y: number, m?: number, d?: number): PartialDate | null {
  if (!validYear(y)) return null;
  if (m === undefined) return { year: y };
  if (m < 1 || m > 12) return null;
  if (d === undefined) return { year: y, month: m };
  if (d < 1 || d > daysIn(y, m)) return null;
  return { year: y, month: m, day: d };
}

const month = (s: string | undefined): number | undefined => (s ? MONTHS[s.toLowerCase()] : undefined);

/** All date expressions in `text`, left to right, non-overlapping. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const g = m.groups ?? {};
    const span = { start: m.index, end: m.index + m[0].length };
    let date: PartialDate | null = null;
    let shape: DateShape = "year";
    let answer: string | null = null;
    if (g.iso) {
      date = build(Number(g.isoY), Number(g.isoM), Number(g.isoD));
      shape = "day";
    } else if (g.dmy) {
      date = build(Number(g.dmyY), month(g.dmyM), Number(g.dmyD));
      shape = "day";
    } else if (g.mdy) {
      date = build(Number(g.mdyY), month(g.mdyM), Number(g.mdyD));
      shape = "day";
    } else if (g.mm) {
      const a = month(g.mm1);
      const b = month(g.mm2);
      date = build(Number(g.mmY));
      shape = "either-month";
      if (date && a && b) answer = `${MONTH_NAMES[a - 1]}/${MONTH_NAMES[b - 1]} ${date.year}`;
    } else if (g.my) {
      date = build(Number(g.myY), month(g.myM));
      shape = "month";
    } else if (g.range) {
      const a = Number(g.rA);
      const rb = g.rB ?? "";
      const b = rb.length === 2 ? Math.floor(a / 100) * 100 + Number(rb) : Number(rb);
      if (b > a) {
        date = build(a);
        shape = "range";
        answer = `${a}–${b}`;
      } else {
        // "1939-40" with a smaller second part is not a range we understand: skip it.
        date = null;
      }
    } else if (g.yY) {
      date = build(Number(g.yY));
      shape = "year";
    }
    if (!date) continue;
    out.push({ ...span, date, shape, answer: answer ?? formatDate(date) });
  }
  return out;
}

/** Precision rank, used to keep the more precise of two cards on the same subject. */
export const precision = (d: PartialDate): number => (d.day !== undefined ? 3 : d.month !== undefined ? 2 : 1);

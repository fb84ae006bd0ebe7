import { findDateExpressions, type DateMatch } from "./dates";
import { findNames, type Name } from "./names";
import type { Token } from "./nlp";
import type { RuleSet } from "./rules";
import type { Span } from "./types";

/**
 * One sentence (or list line, table row, field) seen by the fact rules: its
 * tokens with part-of-speech tags, the dates and names in it, and the token
 * range of each date. Built once per sentence from the document's tokens.
 */
export interface SentenceView extends Span {
  tokens: Token[];
  names: Name[];
  dates: (DateMatch & { t0: number; t1: number })[];
  /** Token index → inside a date expression. */
  inDate: boolean[];
  clean: string;
  rules: RuleSet;
}

/** First token index whose start is ≥ pos (tokens sorted). */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function sentenceView(allTokens: readonly Token[], span: Span, clean: string, rules: RuleSet): SentenceView {
  const a = tokenAt(allTokens, span.start);
  let b = a;
  while (b < allTokens.length && (allTokens[b]?.end ?? Infinity) <= span.end) b++;
  const tokens = allTokens.slice(a, b).filter((t) => t.pos !== "SPACE" && /\S/.test(t.text));
  const inDate = tokens.map(() => false);
  const dates: SentenceView["dates"] = [];
  for (const d of findDateExpressions(clean.slice(span.start, span.end))) {
    const start = span.start + d.start;
    const end = span.start + d.end;
    const t0 = tokenAt(tokens, start);
    let t1 = t0;
    while (t1 < tokens.length && (tokens[t1]?.start ?? Infinity) < end) inDate[t1++] = true;
    if (!d.yearless) dates.push({ ...d, start, end, t0, t1 });
    else for (let k = t0; k < t1; k++) inDate[k] = true;
  }
  const names = findNames(tokens, 0, tokens.length, clean, rules, (i) => inDate[i] === true);
  return { ...span, tokens, names, dates, inDate, clean, rules };
}

/** Display text of tokens [t0, t1) from the clean text. */
export function textOf(v: SentenceView, t0: number, t1: number): string {
  const first = v.tokens[t0];
  const last = v.tokens[t1 - 1];
  if (!first || !last || t1 <= t0) return "";
  return v.clean
    .slice(first.start, last.end)
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .trim();
}

/** The name whose last token is t (or undefined). */
export const nameEndingAt = (v: SentenceView, t: number): Name | undefined => v.names.find((n) => n.t1 - 1 === t);
/** The name containing token t. */
export const nameAt = (v: SentenceView, t: number): Name | undefined => v.names.find((n) => n.t0 <= t && t < n.t1);

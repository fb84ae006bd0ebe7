import type { CitationResult } from "./citations";
import { findDates } from "./dates";
import { isTitleCase, wordCount } from "./quotes";
import type { RuleSet } from "./rules";
import type { SkipReason, Span } from "./types";

/**
 * Source-critical filters. Order of precedence when several apply:
 * hateful > quotation > opinion > uncited-figure (the most serious reason is
 * the one a teacher sees in the preview).
 */

export interface Verdict {
  reason: SkipReason;
  detail: string;
}

/** Hateful passages are judged on the whole paragraph or list item. */
export function hatefulVerdict(text: string, rules: RuleSet): Verdict | null {
  const phrase = rules.hatefulPhrases.find(text);
  if (phrase) return { reason: "hateful", detail: phrase.text };
  const group = rules.hatefulGroups.find(text);
  if (!group) return null;
  const cue = rules.hatefulCues.find(text);
  return cue ? { reason: "hateful", detail: `${group.text} + ${cue.text}` } : null;
}

/** An attribution line under a block quotation: "—Norman Cantor, The Jewish Experience, 1996." */
export const isAttributionLine = (s: string): boolean => /^\s*(?:[—―]|--)\s*\p{Lu}/u.test(s);

const FIGURE_RE =
  /(?<![\p{L}\p{N}.,])\d{1,3}(?:,\d{3})+(?!\p{N})|(?<![\p{L}\p{N}.])\d+(?:\.\d+)?\s*(?:%|per\s?cent)|(?<![\p{L}\p{N}.,-])\d{2,}(?![\p{L}\p{N}])/u;

/** A number that is not part of a date: counts, casualty figures, distances. */
export function findFigure(clean: string, rules: RuleSet): string | null {
  let masked = clean;
  for (const d of findDates(clean)) {
    masked = masked.slice(0, d.start) + " ".repeat(d.end - d.start) + masked.slice(d.end);
  }
  const digits = FIGURE_RE.exec(masked);
  if (digits) return digits[0];
  return rules.numberWords.find(masked)?.text ?? null;
}

export interface SentenceInput {
  raw: string;
  clean: string;
  /** Quoted spans of the enclosing unit, absolute offsets. */
  quotes: readonly Span[];
  sentence: Span;
  /** The original text, for reading quoted spans. */
  text: string;
  citation: CitationResult;
}

export function sentenceVerdict(input: SentenceInput, rules: RuleSet): Verdict | null {
  const { raw, clean, sentence, text } = input;
  for (const q of input.quotes) {
    if (q.end <= sentence.start || q.start >= sentence.end) continue;
    const inner = text.slice(q.start + 1, q.end - 1);
    if (wordCount(inner) >= rules.quotationMinWords && !isTitleCase(inner)) {
      return { reason: "quotation", detail: "quoted text" };
    }
  }
  if (isAttributionLine(raw)) return { reason: "quotation", detail: "attribution line" };
  const said = rules.attribution.find(raw);
  if (said) return { reason: "quotation", detail: `attributed speech: ${said.text}` };
  const opinion = rules.opinion.find(raw);
  if (opinion) return { reason: "opinion", detail: opinion.text.trim() || "evaluative sentence" };
  if (!input.citation.citation) {
    const figure = findFigure(clean, rules);
    if (figure) return { reason: "uncited-figure", detail: figure };
  }
  return null;
}

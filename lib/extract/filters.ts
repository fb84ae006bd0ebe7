import type { CitationResult } from "./citations";
import { findDateExpressions } from "./dates";
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

/**
 * A number that is not part of a date: counts, casualty figures, distances
 * ("47,000", "3 million", "40 per cent"). Dates with or without a year ("12
 * March") are not figures, and neither is a number word inside a name ("the
 * Hundred Years' War").
 */
export function findFigure(clean: string, rules: RuleSet): string | null {
  let masked = clean;
  for (const d of findDateExpressions(clean)) {
    masked = masked.slice(0, d.start) + " ".repeat(d.end - d.start) + masked.slice(d.end);
  }
  // "a ten-year pact" measures like "a 10-year pact": a small number word fused to a unit of time is a figure.
  const measured = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)-(?:year|month|week|day|hour)s?\b/.exec(masked);
  if (measured) return measured[0];
  const digits = FIGURE_RE.exec(masked);
  // "the Hundred Years' War", "the Twenty-first Amendment": a capitalised number word in a name is no figure.
  const words = rules.numberWords.all(masked).filter((w) => !(/^\p{Lu}/u.test(w.text) && /^(?:\s+\p{Lu}|-\p{L})/u.test(masked.slice(w.index + w.text.length))));
  const word = words[0];
  if (digits && (!word || digits.index <= word.index)) {
    // "3 million": the number and its word are one figure.
    const tail = /^\s+(?:million|billion|thousand|hundred)\b/i.exec(masked.slice(digits.index + digits[0].length));
    return digits[0] + (tail?.[0] ?? "");
  }
  if (!word) return null;
  const lead = /(\d[\d.,]*\s+)$/.exec(masked.slice(0, word.index));
  return (lead?.[1] ?? "") + word.text;
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

/**
 * Whether a sentence may give cards at all. A quotation that is most of the
 * sentence skips it; a shorter one is left out of the clean text (so no card
 * can come from its words) and the rest of the sentence is used. A figure
 * without a citation no longer skips the sentence: the orchestrator keeps it
 * off every card instead.
 */
export function sentenceVerdict(input: SentenceInput, rules: RuleSet): Verdict | null {
  const { raw, sentence, text } = input;
  let quoted = 0;
  for (const q of input.quotes) {
    if (q.end <= sentence.start || q.start >= sentence.end) continue;
    const inner = text.slice(q.start + 1, q.end - 1);
    if (wordCount(inner) >= rules.quotationMinWords && !isTitleCase(inner)) quoted += wordCount(inner);
  }
  if (quoted > 0 && quoted >= QUOTED_SHARE * wordCount(raw)) return { reason: "quotation", detail: "quoted text" };
  if (isAttributionLine(raw)) return { reason: "quotation", detail: "attribution line" };
  const said = rules.attribution.find(raw);
  if (said) return { reason: "quotation", detail: `attributed speech: ${said.text}` };
  const opinion = rules.opinion.find(raw);
  if (opinion) return { reason: "opinion", detail: opinion.text.trim() || "evaluative sentence" };
  return null;
}

/** Quoted words at or above this share of a sentence make it a quotation. */
const QUOTED_SHARE = 0.4;

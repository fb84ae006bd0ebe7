import type { CitationResult } from "./citations";
import type { Entity } from "./entities";
import type { RuleSet } from "./rules";
import type { Unit } from "./sentences";
import type { PartialDate, Span } from "./types";

/**
 * What the pattern modules produce: a card without id and provenance text.
 * The orchestrator adds those, so every pattern module stays small and pure.
 */
export type Candidate =
  | { kind: "date"; subject: string; prompt: string; answer: string; date: PartialDate; quote: Span }
  | { kind: "parties"; subject: string; prompt: string; answer: string; parties: string[]; quote: Span }
  | { kind: "term"; subject: string; prompt: string; answer: string; term: string; definition: string; quote: Span };

export interface KeptSentence extends Span {
  citation: CitationResult;
}

/** Everything a pattern module may look at for one sentence. */
export interface SentenceContext {
  /** Original document text. */
  text: string;
  /** Clean text (same offsets; debris, qualifiers and scare quotes blanked). */
  clean: string;
  rules: RuleSet;
  unit: Unit;
  sentence: Span;
  /** Index of the sentence in its unit. */
  index: number;
  /** The unit's sentences that passed the filters (for multi-sentence list items). */
  kept: readonly KeptSentence[];
  /** The entity the document is about (from its title), for "- Treaty of X (1920) with Y". */
  docEntity?: Entity | undefined;
  /** The nearest title above (heading or title line), for infobox fields. */
  title?: string | undefined;
  /** For infobox fields: the year of the first date in the same block (for era-dependent names). */
  contextYear?: number | undefined;
}

import type { PartialDate, Span } from "./types";

/**
 * What the fact rules produce: a card without id and provenance text. The
 * orchestrator adds those. `facet` tells two dated facts about one subject
 * apart (signed / ratified / ended); `confidence` and `rule` travel to the card.
 */
interface Common {
  subject: string;
  prompt: string;
  answer: string;
  quote: Span;
  confidence: number;
  rule: string;
  facet?: string;
}

export type Candidate =
  | (Common & { kind: "date"; date: PartialDate })
  | (Common & { kind: "parties"; parties: string[] })
  | (Common & { kind: "term"; term: string; definition: string });

export type DateCandidate = Extract<Candidate, { kind: "date" }>;

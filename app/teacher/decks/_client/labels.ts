// Words the authoring pages show for card kinds, skip reasons and the extractor's confidence.
import { SELECT_CONFIDENCE, type SkipReason } from "@/lib/extract/types";
import { formatPercent } from "@/app/_components/format";

export const KIND_LABEL = { DATE: "Date", PARTIES: "Parties", TERM: "Term", BASIC: "Front/back" } as const;

export const SKIP_REASON: Record<SkipReason, string> = {
  quotation: "Quotation",
  opinion: "Opinion",
  hateful: "Hateful content",
  "uncited-figure": "No citation for a figure",
};

export const cardCount = (n: number) => `${n} ${n === 1 ? "card" : "cards"}`;

/** Below the threshold a card is only a suggestion: the extractor is unsure, so the teacher checks it. */
export const isSuggestion = (confidence: number) => confidence < SELECT_CONFIDENCE;

export const confidenceLabel = (confidence: number) => `${isSuggestion(confidence) ? "Check this card" : "High confidence"} (${formatPercent(confidence)})`;

// Words the authoring pages show for card kinds and skip reasons.
import type { SkippedPassage } from "@/lib/api/authoring";

export const KIND_LABEL = { DATE: "Date", PARTIES: "Parties", TERM: "Term", BASIC: "Front/back" } as const;

export const SKIP_REASON: Record<SkippedPassage["reason"], string> = {
  quotation: "Quotation",
  opinion: "Opinion",
  hateful: "Hateful content",
  "uncited-figure": "No citation for a figure",
};

export const cardCount = (n: number) => `${n} ${n === 1 ? "card" : "cards"}`;

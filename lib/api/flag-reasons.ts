// What a learner can report about a card, without zod, so the review page's lazily loaded
// report dialog and the pages share one list with the API's schema (cards.ts).
export const FLAG_REASONS = ["wrong-fact", "bad-wording", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const FLAG_REASON_LABEL: Record<FlagReason, string> = {
  "wrong-fact": "Wrong fact",
  "bad-wording": "Bad wording",
  other: "Other",
};
/** The longest note a report may carry, in characters. */
export const FLAG_NOTE_MAX = 500;

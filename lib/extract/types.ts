import { z } from "zod";

/**
 * The card contract shared by `npm run extract`, the deck files and the
 * database loader. Keep it flat and exactly this shape: other layers parse it.
 */

/** A date with exactly the precision the text gives: never more. */
export const partialDateSchema = z
  .strictObject({
    year: z.number().int(),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
  })
  .refine((d) => d.day === undefined || d.month !== undefined, {
    message: "a day needs a month",
  });
export type PartialDate = z.infer<typeof partialDateSchema>;

/** Provenance: `quote === text.slice(start, end)` of the document body. */
export const sourceRefSchema = z
  .strictObject({
    document: z.string().min(1),
    quote: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    citation: z.string().min(1).optional(),
  })
  .refine((s) => s.end - s.start === s.quote.length, {
    message: "end - start must equal the quote length",
  });
export type SourceRef = z.infer<typeof sourceRefSchema>;

// Keys are declared in the contract's order (id, kind, subject, prompt,
// answer, kind-specific fields, source): zod output follows declaration order,
// so parsed cards and deck files read the same as the extractor's output.
const id = z.string().regex(/^[0-9a-f]{16}$/);
const text = z.string().min(1);
/** How sure the extractor is (0–1): the import preview pre-selects cards at or above SELECT_CONFIDENCE. */
const confidence = z.number().min(0).max(1);
/** The rule that made the card ("passive-verb", "timeline-line", "acronym", ...), for review and debugging. */
const rule = z.string().min(1);

/** Cards at or above this confidence are proposed selected; the others are offered unselected. */
export const SELECT_CONFIDENCE = 0.6;

export const dateCardSchema = z.strictObject({
  id,
  kind: z.literal("date"),
  subject: text,
  prompt: text,
  answer: text,
  date: partialDateSchema,
  source: sourceRefSchema,
  confidence,
  rule,
});

export const partiesCardSchema = z.strictObject({
  id,
  kind: z.literal("parties"),
  subject: text,
  prompt: text,
  answer: text,
  parties: z.array(text).min(2),
  source: sourceRefSchema,
  confidence,
  rule,
});

export const termCardSchema = z.strictObject({
  id,
  kind: z.literal("term"),
  subject: text,
  prompt: text,
  answer: text,
  term: text,
  definition: text,
  source: sourceRefSchema,
  confidence,
  rule,
});

export const cardSchema = z.discriminatedUnion("kind", [dateCardSchema, partiesCardSchema, termCardSchema]);
export type Card = z.infer<typeof cardSchema>;
export type DateCard = z.infer<typeof dateCardSchema>;
export type PartiesCard = z.infer<typeof partiesCardSchema>;
export type TermCard = z.infer<typeof termCardSchema>;
export type CardKind = Card["kind"];

export const skipReasonSchema = z.enum(["hateful", "quotation", "opinion", "uncited-figure"]);
export type SkipReason = z.infer<typeof skipReasonSchema>;

/** A passage the extractor refused to use, for the import preview. */
export const skippedSchema = z.strictObject({
  reason: skipReasonSchema,
  /** What triggered the filter (a phrase, or a short description). */
  detail: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The first characters of the passage, so a teacher can find it. */
  excerpt: z.string(),
});
export type Skipped = z.infer<typeof skippedSchema>;

/** A date in the document that made no card, so a teacher sees what was not used without re-reading. */
export const unusedDateSchema = z.strictObject({
  /** The date as written. */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The sentence around it (collapsed, shortened). */
  excerpt: z.string(),
});
export type UnusedDate = z.infer<typeof unusedDateSchema>;

/** One subject given two different dates for the same event: both cards are offered, neither pre-selected. */
export const conflictSchema = z.strictObject({
  subject: z.string(),
  /** The competing answers, in document order. */
  answers: z.array(z.string()).min(2),
  cardIds: z.array(id).min(2),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const extractResultSchema = z.strictObject({
  cards: z.array(cardSchema),
  skipped: z.array(skippedSchema),
  unusedDates: z.array(unusedDateSchema),
  conflicts: z.array(conflictSchema),
});
export type ExtractResult = z.infer<typeof extractResultSchema>;

export interface SourceDocument {
  /** Document name used in provenance and ids (file base name or source slug). */
  name: string;
  /** The text offsets refer to (for a curated .md source: the body after front matter). */
  text: string;
}

/** A half-open character range into the document text. */
export interface Span {
  start: number;
  end: number;
}

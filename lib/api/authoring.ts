// Request and response shapes of the deck authoring API (import preview, drafts, card
// edits, publishing, CSV), shared by the route handlers, lib/authoring and the pages.
import { z } from "zod";
import type { Card, Conflict, Skipped, UnusedDate } from "@/lib/extract/types";

/** Largest document a teacher may import: 1 MiB of UTF-8. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} is at most ${max} characters` });

export const deckTitleSchema = text("title", 200);
const subject = text("subject", 300);
const prompt = text("prompt", 1000);
const answer = text("answer", 2000);

export const partialDateInputSchema = z
  .strictObject({
    year: z.int({ error: "year must be a whole number" }).min(1, { error: "year must be 1 or later" }).max(2999, { error: "year must be before 3000" }),
    month: z.int().min(1, { error: "month must be 1–12" }).max(12, { error: "month must be 1–12" }).optional(),
    day: z.int().min(1, { error: "day must be 1–31" }).max(31, { error: "day must be 1–31" }).optional(),
  })
  .refine((d) => d.day === undefined || d.month !== undefined, { error: "a day needs a month", path: ["day"] });

const parties = z.array(text("party", 300)).min(2, { error: "a parties card needs at least two parties" }).max(50);

/**
 * Where a card comes from. With a document: `start`/`end` into its text (the server
 * takes the quote from the stored text, never from the client). Without one (CSV, by
 * hand): the quote as written, or none.
 */
const provenance = {
  start: z.int().min(0).optional(),
  end: z.int().min(0).optional(),
  quote: z.string().max(5000, { error: "quote is at most 5000 characters" }).optional(),
  citation: z.string().trim().max(1000, { error: "citation is at most 1000 characters" }).nullish(),
};

export const cardInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("DATE"), subject, prompt, answer, date: partialDateInputSchema, ...provenance }),
    z.strictObject({ kind: z.literal("PARTIES"), subject, prompt, answer, parties, ...provenance }),
    // A term card's subject is the term and its answer the definition.
    z.strictObject({ kind: z.literal("TERM"), subject, prompt, answer, ...provenance }),
    // Plain front/back: the front is also the subject.
    z.strictObject({ kind: z.literal("BASIC"), prompt, answer, ...provenance }),
  ],
  { error: 'kind must be "DATE", "PARTIES", "TERM" or "BASIC"' },
);
export type CardInput = z.infer<typeof cardInputSchema>;

const cards = z.array(cardInputSchema).max(5000, { error: "at most 5000 cards at once" });

export const documentSchema = z.strictObject({
  name: text("document name", 200),
  // The byte limit is checked by lib/authoring/document.ts with a clearer message.
  text: z.string({ error: "document text must be text" }),
});

export const createDeckSchema = z.strictObject({
  title: deckTitleSchema,
  document: documentSchema.optional(),
  cards: cards.min(1, { error: "choose at least one card" }),
});
export type CreateDeck = z.infer<typeof createDeckSchema>;

export const updateDeckSchema = z
  .strictObject({ title: deckTitleSchema.optional(), status: z.literal("PUBLISHED", { error: 'status can only become "PUBLISHED"' }).optional() })
  .refine((p) => p.title !== undefined || p.status !== undefined, { error: "give a title or status" });

export const addCardsSchema = z.strictObject({ cards: cards.min(1, { error: "give at least one card" }) });

/** A card's wording; its kind and provenance stay. Kind-specific fields apply to that kind only. */
export const editCardSchema = z
  .strictObject({ subject: subject.optional(), prompt: prompt.optional(), answer: answer.optional(), date: partialDateInputSchema.optional(), parties: parties.optional() })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: "nothing to change" });
export type EditCard = z.infer<typeof editCardSchema>;

/**
 * A proposed card in a preview: the input shape plus a stable key for the page's list,
 * its provenance and how sure the extractor is (`confidence` and `rule` as the extractor gives them).
 */
export type ProposedCard = CardInput &
  Pick<Card, "confidence" | "rule"> & {
    key: string;
    quote: string;
    start: number;
    end: number;
    citation: string | null;
    /** Proposed ticked: confident enough and not one side of a conflict. */
    selected: boolean;
    /** Why the teacher must choose, e.g. "Treaty of Berlin: 1878 or 1926?"; null when no other card disagrees. */
    conflict: string | null;
  };

/** What a teacher sends back for a proposed card: its wording and offsets, without the preview's display fields. */
export function proposedCardInput(card: ProposedCard): CardInput {
  const { key: _key, quote: _quote, citation, confidence: _confidence, rule: _rule, selected: _selected, conflict: _conflict, ...input } = card;
  return { ...input, ...(citation ? { citation } : {}) };
}

export type ImportPreview = {
  document: { name: string; title: string; text: string };
  cards: ProposedCard[];
  skipped: Skipped[];
  unusedDates: UnusedDate[];
  conflicts: Pick<Conflict, "subject" | "answers">[];
  elapsedMs: number;
};

export type CsvRowError = { line: number; message: string };
export type CsvPreview = { cards: (CardInput & { line: number })[]; errors: CsvRowError[] };

// Request and response shapes of a learner's card controls (suspend, bury), card reports
// (flags) and the flag lists their readers see. The review page's browser code imports only
// the types, and the constants from flag-reasons.ts (zod stays out of its bundle).
import { z } from "zod";
import { FLAG_NOTE_MAX, FLAG_REASONS } from "./flag-reasons";

/** PATCH /api/cards/{id}/controls: set or lift the learner's suspension and burial of one card. */
export const cardControlsRequestSchema = z
  .strictObject({
    suspended: z.boolean({ error: "suspended must be true or false" }).optional(),
    buried: z.boolean({ error: "buried must be true or false" }).optional(),
  })
  .refine((b) => b.suspended !== undefined || b.buried !== undefined, { error: "Send suspended, buried or both." });
export type CardControlsRequest = z.infer<typeof cardControlsRequestSchema>;

export const cardControlsSchema = z.object({
  cardId: z.string(),
  suspended: z.boolean(),
  /** The card is out of the queue until this instant (the start of the learner's next day); null: not buried. */
  buriedUntil: z.iso.datetime().nullable(),
  /** The card became a leech at some point (and was suspended then). */
  leech: z.boolean(),
});
export type CardControls = z.infer<typeof cardControlsSchema>;

/** GET /api/review/suspended?deck=: the learner's suspended cards, newest first. */
export const suspendedQuerySchema = z.object({ deck: z.uuid({ error: "deck must be a deck id" }).optional() });
export const suspendedCardsSchema = z.object({
  cards: z.array(z.object({
    cardId: z.string(),
    deckId: z.string(),
    deckTitle: z.string(),
    subject: z.string(),
    prompt: z.string(),
    suspendedAt: z.iso.datetime(),
    leech: z.boolean(),
  })),
});
export type SuspendedCards = z.infer<typeof suspendedCardsSchema>;

/** POST /api/cards/{id}/flag. A note is optional, except for "other", which needs one to say what. */
export const flagRequestSchema = z
  .strictObject({
    reason: z.enum(FLAG_REASONS, { error: `reason must be one of ${FLAG_REASONS.join(", ")}` }),
    note: z.string().trim().max(FLAG_NOTE_MAX, { error: `The note may be at most ${FLAG_NOTE_MAX} characters` }).default(""),
  })
  .refine((b) => b.reason !== "other" || b.note.length > 0, { error: "Say what is wrong with the card.", path: ["note"] });
export type FlagRequest = z.input<typeof flagRequestSchema>;

export const flagSchema = z.object({
  cardId: z.string(),
  reason: z.enum(FLAG_REASONS),
  note: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A card's reports as its deck's teacher (or the operator) reads them: anonymous, one per learner. */
export const flaggedCardSchema = z.object({
  cardId: z.string(),
  subject: z.string(),
  prompt: z.string(),
  answer: z.string(),
  retired: z.boolean(),
  reports: z.array(z.object({ reason: z.enum(FLAG_REASONS), note: z.string(), at: z.iso.datetime() })),
});
export type FlaggedCard = z.infer<typeof flaggedCardSchema>;

/** GET /api/decks/{id}/flags: the teacher's own deck, cards with the most reports first. */
export const deckFlagsSchema = z.object({ deckId: z.string(), cards: z.array(flaggedCardSchema) });

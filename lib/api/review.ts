// Request and response shapes of the review API. Route handlers validate with the schemas;
// the review page's browser code imports only the types (zod stays out of its bundle).
import { z } from "zod";

export const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
});
/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = z.infer<typeof ratingSchema>;

export const queueKindSchema = z.enum(["learning", "review", "new"]);
export type QueueKind = z.infer<typeof queueKindSchema>;

export { LEARN_AHEAD_MS } from "./learn-ahead";

export const queueQuerySchema = z.object({
  deck: z.uuid({ error: "deck must be a deck id" }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const previewSchema = z.object({ due: z.iso.datetime(), label: z.string() });

/**
 * A card's memory state (lib/srs/state.ts SrsState), as the API sends it and as
 * ReviewLog.stateBefore/stateAfter store it. `learningSteps` is the index of the current
 * (re)learning step (SrsState.stepIndex): the name is kept for stored rows and clients.
 */
export const cardStateSchema = z.object({
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.int(),
  learningSteps: z.int(),
  reps: z.int(),
  lapses: z.int(),
  /** 0 New, 1 Learning, 2 Review, 3 Relearning (ts-fsrs's State). */
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: z.iso.datetime().nullable(),
});
export type CardStateDto = z.infer<typeof cardStateSchema>;

export const queueItemSchema = z.object({
  cardId: z.string(),
  queue: queueKindSchema,
  /** The CardState version to send back as expectedVersion (0: never graded). */
  version: z.number().int(),
  card: z.object({
    deckId: z.string(),
    deckTitle: z.string(),
    kind: z.enum(["DATE", "PARTIES", "TERM", "BASIC"]),
    subject: z.string(),
    prompt: z.string(),
    answer: z.string(),
    quote: z.string(),
    citation: z.string().nullable(),
  }),
  previews: z.object({ 1: previewSchema, 2: previewSchema, 3: previewSchema, 4: previewSchema }),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueResponseSchema = z.object({
  cards: z.array(queueItemSchema),
  counts: z.object({ learning: z.number().int(), review: z.number().int(), new: z.number().int() }),
  day: z.object({ key: z.string(), end: z.iso.datetime() }),
  /** Cards that come due during the learner's next day (for the session summary). */
  tomorrow: z.number().int(),
});
export type QueueResponse = z.infer<typeof queueResponseSchema>;

export const gradeRequestSchema = z.strictObject({
  cardId: z.string().min(1).max(64),
  rating: ratingSchema,
  idempotencyKey: z.string().min(8, { error: "idempotencyKey must be 8–100 characters" }).max(100),
  durationMs: z.int().min(0).max(24 * 3600 * 1000, { error: "durationMs must be at most a day" }),
  expectedVersion: z.int().min(0),
});
export type GradeRequest = z.infer<typeof gradeRequestSchema>;

export const gradeResponseSchema = z.object({
  cardId: z.string(),
  reviewId: z.string(),
  version: z.number().int(),
  state: cardStateSchema,
  /** True when this answers a retry of an already applied grade. */
  replayed: z.boolean(),
  /** Present (true) when this grade made the card a leech and suspended it (lib/review/controls.ts). */
  leech: z.literal(true).optional(),
});
export type GradeResponse = z.infer<typeof gradeResponseSchema>;

export const undoRequestSchema = z.strictObject({ cardId: z.string().min(1).max(64).optional() });

export const undoResponseSchema = z.object({
  cardId: z.string(),
  reviewId: z.string(),
  /** The version now stored (0 when the card went back to never graded). */
  version: z.number().int(),
  state: cardStateSchema.nullable(),
});
export type UndoResponse = z.infer<typeof undoResponseSchema>;

/** GET /api/cards/{id}/history: the learner's card info (issue 14). */
export const historyResponseSchema = z.object({
  cardId: z.string(),
  card: z.object({ deckId: z.string(), deckTitle: z.string(), kind: z.enum(["DATE", "PARTIES", "TERM", "BASIC"]), subject: z.string(), prompt: z.string(), answer: z.string() }),
  reviews: z.array(
    z.object({
      id: z.string(),
      rating: z.number().int(),
      reviewedAt: z.iso.datetime(),
      durationMs: z.number().int(),
      undone: z.boolean(),
      stateBefore: cardStateSchema.nullable(),
      stateAfter: cardStateSchema,
      /** Days until the next review this review set (stateAfter.scheduledDays; 0 for a (re)learning step, see `due`). */
      interval: z.number().int(),
      /** When this review made the card due (stateAfter.due). */
      due: z.iso.datetime(),
      /** Memory state after the review. */
      stability: z.number(),
      difficulty: z.number(),
      /** Predicted recall at the moment of the review, from the state before it (null for a first review). */
      retrievability: z.number().nullable(),
    }),
  ),
  /** The card now, for this learner. */
  current: z.object({
    state: cardStateSchema.nullable(),
    /** Predicted recall now (null: never studied). */
    retrievability: z.number().nullable(),
    suspended: z.boolean(),
    buriedUntil: z.iso.datetime().nullable(),
    leech: z.boolean(),
  }),
});
export type CardHistory = z.infer<typeof historyResponseSchema>;

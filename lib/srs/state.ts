// A learner's memory state for one card, shaped like a CardState row, and its
// conversions to ts-fsrs's Card and to JSON (ReviewLog.stateBefore).
import { z } from "zod";
import type { Card } from "ts-fsrs";

/** Same numbering as ts-fsrs's State enum and the CardState.state column. */
export const CardPhase = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardPhase = (typeof CardPhase)[keyof typeof CardPhase];

export type SrsState = {
  due: Date;
  stability: number;
  difficulty: number;
  /** Whole days to the due date; 0 while in a (re)learning step. */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardPhase;
  lastReview: Date | null;
};

/** The state of a card never graded, as ts-fsrs's createEmptyCard builds it. */
export function newSrsState(now: Date): SrsState {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: CardPhase.New,
    lastReview: null,
  };
}

/**
 * `elapsedDays` fills ts-fsrs's deprecated Card.elapsed_days, which it still
 * requires but only echoes into its review log: it recomputes elapsed days
 * from last_review and the review time itself. We never store it.
 */
export function toFsrsCard(state: SrsState, elapsedDays: number): Card {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview ?? undefined,
  };
}

export function fromFsrsCard(card: Card): SrsState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardPhase,
    lastReview: card.last_review ?? null,
  };
}

const phaseSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/** SrsState as JSON, for ReviewLog.stateBefore. Dates are ISO strings. */
export const srsStateJsonSchema = z.object({
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.int(),
  learningSteps: z.int(),
  reps: z.int(),
  lapses: z.int(),
  state: phaseSchema,
  lastReview: z.iso.datetime().nullable(),
});
export type SrsStateJson = z.infer<typeof srsStateJsonSchema>;

export function srsStateToJson(state: SrsState): SrsStateJson {
  return {
    ...state,
    due: state.due.toISOString(),
    lastReview: state.lastReview?.toISOString() ?? null,
  };
}

/** Throws a ZodError when `json` is not a stored SrsState. */
export function srsStateFromJson(json: unknown): SrsState {
  const parsed = srsStateJsonSchema.parse(json);
  return {
    ...parsed,
    due: new Date(parsed.due),
    lastReview: parsed.lastReview === null ? null : new Date(parsed.lastReview),
  };
}

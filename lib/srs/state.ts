// A learner's memory state for one card, and its conversions to ts-fsrs's Card and to the
// JSON of the API and of ReviewLog.stateBefore/stateAfter (lib/api/review.ts cardStateSchema).
import type { Card } from "ts-fsrs";
import { cardStateSchema, type CardStateDto } from "@/lib/api/review";

/** Same numbering as ts-fsrs's State enum and the CardState.state column. */
export const CardPhase = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardPhase = (typeof CardPhase)[keyof typeof CardPhase];

export type SrsState = {
  due: Date;
  stability: number;
  difficulty: number;
  /** Whole days to the due date; 0 while in a (re)learning step. */
  scheduledDays: number;
  /**
   * Index of the current (re)learning step (ts-fsrs's learning_steps). Stored and sent as
   * `learningSteps`: the CardState column, the ReviewLog JSON and the API keep that name.
   */
  stepIndex: number;
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
    stepIndex: 0,
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
    learning_steps: state.stepIndex,
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
    stepIndex: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardPhase,
    lastReview: card.last_review ?? null,
  };
}

/** The state as the API sends it and ReviewLog stores it: dates as ISO strings. */
export function srsStateToJson(state: SrsState): CardStateDto {
  const { stepIndex, ...rest } = state;
  return { ...rest, learningSteps: stepIndex, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null };
}

/** Throws a ZodError when `json` is not a stored state. */
export function srsStateFromJson(json: unknown): SrsState {
  const { learningSteps, ...parsed } = cardStateSchema.parse(json);
  return {
    ...parsed,
    stepIndex: learningSteps,
    due: new Date(parsed.due),
    lastReview: parsed.lastReview === null ? null : new Date(parsed.lastReview),
  };
}

// CardState rows <-> SrsState, and the JSON shape the API and ReviewLog use.
import type { CardStateDto } from "@/lib/api/review";
import { CardPhase, srsStateFromJson, srsStateToJson, type SrsState } from "@/lib/srs/state";

/** A CardState row as read with raw SQL: the SrsState columns (state as stored) and the version. */
export type StateRow = Omit<SrsState, "state"> & { state: number; version: number };

/** A row in phase New (left by undoing a card's first grade) counts as never graded. */
export function stateOfRow(row: StateRow | null): SrsState | null {
  if (!row || row.state === CardPhase.New) return null;
  // Field by field: rows often carry more columns (cardId, userId, ...) than a state has.
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as SrsState["state"],
    lastReview: row.lastReview,
  };
}

/** Stored JSON (ReviewLog.stateBefore/After) validated back into the API's shape. */
export function dtoFromJson(json: unknown): CardStateDto {
  return srsStateToJson(srsStateFromJson(json));
}

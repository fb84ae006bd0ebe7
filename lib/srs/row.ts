// CardState rows <-> SrsState: the one column list, decoder and encoder, shared by the stores
// that read learners' states (lib/review/store.ts, lib/quiz/store.ts, lib/classes). No SQL here.
import { CardPhase, type SrsState } from "./state";

/** The CardState columns that hold an SrsState, in one order for every read and write. */
export const STATE_COLUMNS = ["due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"] as const;
export type StateColumn = (typeof STATE_COLUMNS)[number];
/** A CardState row as pg returns it (the SrsState columns and the version). */
export type StateRow = { [K in StateColumn]: K extends "lastReview" ? Date | null : K extends "due" ? Date : number } & { version: number };

/** What is stored for one learner and card: its version and its state (null while never graded, phase New included). */
export type Stored = { version: number; state: SrsState | null };

/** The one decoder: a row read with stateColumnsSql(alias, prefix), or null when there was no CardState row. */
export function decodeState(row: Record<string, unknown>, prefix = ""): Stored | null {
  const col = <T>(c: StateColumn | "version") => row[prefix + c] as T;
  if (col<number | null>("version") === null || col("version") === undefined) return null;
  const phase = col<number>("state");
  const state: SrsState | null =
    phase === CardPhase.New
      ? null
      : {
          due: col("due"), stability: col("stability"), difficulty: col("difficulty"), scheduledDays: col("scheduledDays"),
          stepIndex: col("learningSteps"), reps: col("reps"), lapses: col("lapses"), state: phase as SrsState["state"], lastReview: col("lastReview"),
        };
  return { version: col("version"), state };
}

/** The one encoder: a state's column values, in STATE_COLUMNS order. */
export function stateValues(s: SrsState): unknown[] {
  const value: Record<StateColumn, unknown> = {
    due: s.due, stability: s.stability, difficulty: s.difficulty, scheduledDays: s.scheduledDays, learningSteps: s.stepIndex,
    reps: s.reps, lapses: s.lapses, state: s.state, lastReview: s.lastReview,
  };
  return STATE_COLUMNS.map((c) => value[c]);
}

/** A row's state, null when never graded (no row, or phase New). */
export function stateOfRow(row: Record<string, unknown> | null | undefined): SrsState | null {
  return row ? (decodeState(row)?.state ?? null) : null;
}

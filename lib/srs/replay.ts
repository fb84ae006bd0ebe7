// Rebuilding a card's state from its review history, e.g. after an undo in the
// middle of the log or to audit a stored CardState.
import { next, type Rating } from "./scheduler";
import type { SrsParams } from "./params";
import type { SrsState } from "./state";

export type ReplayEntry = {
  rating: Rating;
  reviewedAt: Date;
  /** The params stored with the review (ReviewLog.params), not today's settings. */
  params: SrsParams;
  fuzzSeed: string;
};

/**
 * The state after grading a new card with `log` (oldest first, undone reviews
 * left out); null for an empty log. Equals the states next() produced at the
 * time, because next() depends only on these inputs.
 */
export function replay(log: readonly ReplayEntry[]): SrsState | null {
  let state: SrsState | null = null;
  for (const entry of log) {
    state = next(state, entry.rating, entry.reviewedAt, entry.params, entry.fuzzSeed);
  }
  return state;
}

/**
 * The cards a learner is most likely to have forgotten, for an "at-risk"
 * quiz. Pure: the caller computes retrievability (lib/srs/retrievability.ts)
 * for the learner's card states.
 */

export interface RetentionState {
  cardId: string;
  /** Probability of recall now, in [0, 1]. */
  retrievability: number;
  /**
   * False for a card the learner has never graded. Optional because CardState
   * rows only exist once a card was graded; pass it when mixing in unseen cards,
   * whose retrievability of 0 would otherwise rank them most at risk.
   */
  studied?: boolean;
}

/**
 * Up to `count` studied cards, lowest retrievability first; ties by cardId so
 * the pick is stable. Returns the given objects, extra fields kept.
 */
export function pickAtRisk<T extends RetentionState>(states: readonly T[], count: number): T[] {
  if (!(count > 0)) return [];
  return states
    .filter((s) => s.studied !== false && Number.isFinite(s.retrievability))
    .sort((a, b) => a.retrievability - b.retrievability || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0))
    .slice(0, Math.floor(count));
}

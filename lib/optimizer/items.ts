// A learner's review log as the optimizer's training items. Pure: no database, no binding.
//
// fsrs-rs learns from items: the reviews of one card up to and including the one to be
// predicted, each with the whole learner days since the previous review (0 for the first).
// A card reviewed n times gives n - 1 items (the first review predicts nothing). Items are
// kept in the order of the review they predict, so a time-series split can judge a fit on
// reviews that happened after everything it was fitted on.

export type LoggedReview = { cardId: string; rating: number; /** Learner day number (any origin). */ day: number };
export type ItemReview = { rating: number; deltaT: number };
export type TrainingItem = { reviews: ItemReview[]; /** Day of the predicted (last) review. */ day: number; /** Its place in the log, to break ties. */ order: number };

/** `log`: live reviews in the order they happened (by time). */
export function toItems(log: readonly LoggedReview[]): TrainingItem[] {
  const byCard = new Map<string, { history: ItemReview[]; lastDay: number }>();
  const items: TrainingItem[] = [];
  log.forEach(({ cardId, rating, day }, order) => {
    const card = byCard.get(cardId);
    if (!card) {
      byCard.set(cardId, { history: [{ rating, deltaT: 0 }], lastDay: day });
      return;
    }
    card.history.push({ rating, deltaT: Math.max(0, day - card.lastDay) });
    card.lastDay = day;
    items.push({ reviews: [...card.history], day, order });
  });
  return items.sort((a, b) => a.day - b.day || a.order - b.order);
}

/** The first (1 - testShare) of the items by time to fit on, the rest to judge the fit on. */
export function timeSeriesSplit<T>(items: readonly T[], testShare = 0.2): { train: T[]; test: T[] } {
  const cut = Math.round(items.length * (1 - testShare));
  return { train: items.slice(0, cut), test: items.slice(cut) };
}

// Kept apart from lib/api/review.ts (zod schemas) so the review page's browser code can
// import it without bundling zod.

/**
 * Anki's default "learn ahead limit": (re)learning cards due within it are shown now. The
 * server builds the queue with it; the review page uses it to put a card graded into a
 * short step back into the running session.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

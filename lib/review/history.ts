// A learner's card info (Anki's "Card Info"): the card, its review log oldest first (undone
// grades included and marked) with the memory state each review left and the recall predicted
// when it happened, and the card now (state, predicted recall, suspension, burial, leech).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { CardHistory } from "@/lib/api/review";
import { accountGone } from "@/lib/auth/revocation";
import { visibleDecksWhere } from "@/lib/decks/store";
import { settingsOfUser, toSrsParams } from "@/lib/learner/settings";
import { srsParamsSchema, type SrsParams } from "@/lib/srs/params";
import { retrievability } from "@/lib/srs/retrievability";
import { srsStateFromJson, srsStateToJson, type SrsState } from "@/lib/srs/state";
import { cardControls } from "./controls-store";
import { reviewLog, storedState } from "./store";

/**
 * The recall predicted for a review at the moment it happened: the forgetting curve of the
 * state before it, under the settings and weights the review was scheduled with (its stored
 * params), in that learner's days. Null for a first review (nothing to recall yet).
 */
export function recallAtReview(before: SrsState | null, reviewedAt: Date, params: SrsParams): number | null {
  return before ? retrievability(before, reviewedAt, params) : null;
}

/** A review's stored params; null for a row without them (seeded history), which is then read with today's. */
function loggedParams(json: unknown): SrsParams | null {
  const parsed = srsParamsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export async function cardHistory(db: PrismaClient, userId: string, cardId: string, now = new Date()): Promise<CardHistory> {
  const [card, reviews, user, stored, controls] = await Promise.all([
    // Only a card in a deck the user may see (retired cards included: their history stays);
    // any other id answers as an unknown one, so this cannot confirm which ids exist.
    db.card.findFirst({
      where: { id: cardId, deck: visibleDecksWhere({ id: userId }) },
      select: { deckId: true, kind: true, subject: true, prompt: true, answer: true, deck: { select: { title: true } } },
    }),
    reviewLog(db, userId, cardId),
    db.user.findUnique({ where: { id: userId }, select: { settings: true, timezone: true, rolloverHour: true, fsrsParameters: { select: { weights: true } } } }),
    storedState(db, userId, cardId),
    cardControls(db, userId, cardId),
  ]);
  if (!user) throw accountGone();
  if (!card) throw new DomainError("not_found", "No such card.");
  const state = stored?.state ?? null;
  const params = toSrsParams(settingsOfUser(user), user.fsrsParameters?.weights);
  return {
    cardId,
    card: { deckId: card.deckId, deckTitle: card.deck.title, kind: card.kind, subject: card.subject, prompt: card.prompt, answer: card.answer },
    reviews: reviews.map((r) => {
      const before = r.stateBefore === null ? null : srsStateFromJson(r.stateBefore);
      const after = srsStateFromJson(r.stateAfter);
      return {
        id: String(r.id),
        rating: r.rating,
        reviewedAt: r.reviewedAt.toISOString(),
        durationMs: r.durationMs,
        undone: r.undoneAt !== null,
        stateBefore: before === null ? null : srsStateToJson(before),
        stateAfter: srsStateToJson(after),
        interval: after.scheduledDays,
        due: after.due.toISOString(),
        stability: after.stability,
        difficulty: after.difficulty,
        retrievability: recallAtReview(before, r.reviewedAt, loggedParams(r.params) ?? params),
      };
    }),
    current: {
      state: state === null ? null : srsStateToJson(state),
      retrievability: state === null ? null : retrievability(state, now, params),
      suspended: controls.suspended,
      buriedUntil: controls.buriedUntil,
      leech: controls.leech,
    },
  };
}

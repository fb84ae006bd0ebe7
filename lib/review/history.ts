// A learner's own review log for one card, oldest first, undone grades included and marked.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { visibleDecksWhere } from "@/lib/decks/store";
import type { historyResponseSchema } from "@/lib/api/review";
import { reviewLog, stateJson } from "./store";

export async function cardHistory(db: PrismaClient, userId: string, cardId: string): Promise<z.infer<typeof historyResponseSchema>> {
  const [card, reviews] = await Promise.all([
    // Only a card in a deck the user may see (retired cards included: their history stays);
    // any other id answers as an unknown one, so this cannot confirm which ids exist.
    db.card.findFirst({ where: { id: cardId, deck: visibleDecksWhere({ id: userId }) }, select: { id: true } }),
    reviewLog(db, userId, cardId),
  ]);
  if (!card) throw new DomainError("not_found", "No such card.");
  return {
    cardId,
    reviews: reviews.map((r) => ({
      id: String(r.id),
      rating: r.rating,
      reviewedAt: r.reviewedAt.toISOString(),
      durationMs: r.durationMs,
      undone: r.undoneAt !== null,
      stateBefore: r.stateBefore === null ? null : stateJson(r.stateBefore),
      stateAfter: stateJson(r.stateAfter),
    })),
  };
}

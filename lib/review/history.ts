// A learner's own review log for one card, oldest first, undone grades included and marked.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { historyResponseSchema } from "@/lib/api/review";
import { dtoFromJson } from "./rows";

export async function cardHistory(db: PrismaClient, userId: string, cardId: string): Promise<z.infer<typeof historyResponseSchema>> {
  const [card, reviews] = await Promise.all([
    db.card.findUnique({ where: { id: cardId }, select: { id: true } }),
    db.reviewLog.findMany({ where: { userId, cardId }, orderBy: { id: "asc" } }),
  ]);
  if (!card) throw new ApiError("not_found", "No such card.");
  return {
    cardId,
    reviews: reviews.map((r) => ({
      id: String(r.id),
      rating: r.rating,
      reviewedAt: r.reviewedAt.toISOString(),
      durationMs: r.durationMs,
      undone: r.undoneAt !== null,
      stateBefore: r.stateBefore === null ? null : dtoFromJson(r.stateBefore),
      stateAfter: dtoFromJson(r.stateAfter),
    })),
  };
}

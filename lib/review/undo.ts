// Undo, as in Anki: revert the learner's latest grade (optionally of one card), restoring
// the exact state stored before it. The log row stays (append-only) and is marked undone.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { UndoResponse } from "@/lib/api/review";
import { srsStateToJson } from "@/lib/srs/state";
import { revertLatestGrade } from "./store";

export async function undoLastGrade(db: PrismaClient, userId: string, cardId?: string, now = new Date()): Promise<UndoResponse> {
  const undone = await revertLatestGrade(db, userId, cardId, now);
  if (!undone) throw new DomainError("not_found", "There is no grade to undo.");
  return { cardId: undone.cardId, reviewId: undone.reviewId, version: undone.version, state: undone.before ? srsStateToJson(undone.before) : null };
}

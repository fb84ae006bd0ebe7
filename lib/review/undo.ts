// Undo, as in Anki: revert the learner's latest grade (optionally of one card), restoring
// the exact state stored before it. The log row stays (append-only) and is marked undone.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import type { UndoResponse } from "@/lib/api/review";
import { srsStateFromJson, srsStateToJson, CardPhase } from "@/lib/srs/state";

export async function undoLastGrade(db: PrismaClient, userId: string, cardId?: string, now = new Date()): Promise<UndoResponse> {
  return db.$transaction(async (tx) => {
    // Lock the learner's latest live log row so two undos cannot revert the same grade.
    const onlyCard = cardId ? Prisma.sql`AND "cardId" = ${cardId}` : Prisma.empty;
    const [last] = await tx.$queryRaw<{ id: bigint; cardId: string; stateBefore: unknown; durationMs: number }[]>`
      SELECT id, "cardId", "stateBefore", "durationMs" FROM "ReviewLog"
       WHERE "userId" = ${userId}::uuid AND "undoneAt" IS NULL ${onlyCard}
       ORDER BY id DESC LIMIT 1 FOR UPDATE`;
    if (!last) throw new ApiError("not_found", "There is no grade to undo.");
    await tx.reviewLog.update({ where: { id: last.id }, data: { undoneAt: now } });
    if (last.stateBefore === null) {
      // Back to never graded: keep the row (phase New) so its version keeps counting up
      // and a stale client cannot mistake a later state for the one it saw.
      const state = await tx.cardState.update({
        where: { userId_cardId: { userId, cardId: last.cardId } },
        data: { state: CardPhase.New, due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null, version: { increment: 1 }, reviewMs: { decrement: last.durationMs } },
        select: { version: true },
      });
      return { cardId: last.cardId, reviewId: String(last.id), version: state.version, state: null };
    }
    const before = srsStateFromJson(last.stateBefore);
    const state = await tx.cardState.update({
      where: { userId_cardId: { userId, cardId: last.cardId } },
      data: { ...before, version: { increment: 1 }, reviewMs: { decrement: last.durationMs } },
      select: { version: true },
    });
    return { cardId: last.cardId, reviewId: String(last.id), version: state.version, state: srsStateToJson(before) };
  });
}

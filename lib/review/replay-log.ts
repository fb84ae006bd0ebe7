// Rebuilds a learner's card state from the review log alone: the check that the log
// holds everything needed (used by tests and by the fault-injection check).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { srsParamsSchema } from "@/lib/srs/params";
import { replay } from "@/lib/srs/replay";
import { fuzzSeedFor, type Rating } from "@/lib/srs/scheduler";
import type { SrsState } from "@/lib/srs/state";
import { liveReviewLog } from "./store";

export async function replayFromLog(db: PrismaClient, userId: string, cardId: string): Promise<SrsState | null> {
  const log = await liveReviewLog(db, userId, cardId);
  return replay(
    log.map((r) => ({
      rating: r.rating as Rating,
      reviewedAt: r.reviewedAt,
      params: srsParamsSchema.parse(r.params),
      fuzzSeed: fuzzSeedFor(userId, cardId),
    })),
  );
}

// A learner's card controls, as in Anki: suspend (out of the queue until unsuspended), bury
// (out of the queue for the rest of the learner's day) and leeches (a card forgotten again
// and again is suspended by the grade that makes it one). The decisions are pure; the
// statements are in controls-store.ts (and the leech write in store.ts writeGrade, the
// grade's own statement, decided by decideGrade with isLeechLapse).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { CardControls, CardControlsRequest } from "@/lib/api/cards";
import { accountGone } from "@/lib/auth/revocation";
import { learnerDay } from "@/lib/srs/learner-day";
import type { LearnerClock } from "@/lib/srs/learner-clock";
import type { SrsState } from "@/lib/srs/state";
import { loadControlsContext, writeControls } from "./controls-store";

/** Anki's default leech threshold: lapses (Again on a review card) at which a card becomes a leech. */
export const LEECH_THRESHOLD = 8;

/**
 * Whether this grade makes the card a leech: it added a lapse and the lapses reached the
 * threshold, or (Anki's rule, for a leech the learner unsuspended and keeps forgetting)
 * another half threshold past it: 8, 12, 16, … with the default.
 */
export function isLeechLapse(before: SrsState | null, after: SrsState, threshold = LEECH_THRESHOLD): boolean {
  const lapses = after.lapses;
  if (lapses <= (before?.lapses ?? 0) || lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

/** A buried card comes back when the learner's next day starts (their time zone and rollover hour). */
export function buriedUntil(now: Date, clock: LearnerClock): Date {
  return learnerDay(now, clock.timezone, clock.rolloverHour).end;
}

/** What the controls store read about the card for this learner. */
export type ControlsContext = {
  card: { visible: boolean; retired: boolean } | null;
  clock: LearnerClock;
};

/** The columns to write: undefined leaves a column as it is. */
export type ControlsWrite = { suspendedAt?: Date | null; buriedUntil?: Date | null };

/**
 * What a controls change writes. A card the learner cannot see answers as an unknown one; a
 * retired card cannot be suspended or buried (it is in no queue), though lifting either
 * still works.
 */
export function decideControls(ctx: ControlsContext, change: CardControlsRequest, now: Date): ControlsWrite {
  if (!ctx.card || !ctx.card.visible) throw new DomainError("not_found", "No such card.");
  if (ctx.card.retired && (change.suspended === true || change.buried === true)) {
    throw new DomainError("conflict", "This card was retired from its deck and is no longer scheduled.");
  }
  const write: ControlsWrite = {};
  if (change.suspended !== undefined) write.suspendedAt = change.suspended ? now : null;
  if (change.buried !== undefined) write.buriedUntil = change.buried ? buriedUntil(now, ctx.clock) : null;
  return write;
}

/** Suspends, buries or lifts either for one card of the learner's (PATCH /api/cards/{id}/controls). */
export async function setCardControls(db: PrismaClient, userId: string, cardId: string, change: CardControlsRequest, now = new Date()): Promise<CardControls> {
  const ctx = await loadControlsContext(db, userId, cardId);
  if (!ctx) throw accountGone();
  return writeControls(db, userId, cardId, decideControls(ctx, change, now), now);
}

// Grading a card: the next SrsState for a rating, and the four possible
// outcomes shown on the answer buttons before the learner picks one.
//
// Learner days. ts-fsrs counts elapsed days as UTC calendar days between
// last_review and now, and adds day intervals as multiples of 24 h. We feed it
// learner "day times" (learner-clock.ts: wall clock minus the rollover hour,
// written as UTC) for BOTH last_review and now, so every day it counts is a
// learner day. Its answer is converted back to a real instant:
// - a (re)learning step (scheduledDays 0) keeps its real duration: 10 minutes
//   is 10 minutes, across a DST change too;
// - a day interval keeps its learner-calendar meaning: due N learner days later
//   at the same wall-clock time (so 23 or 25 real hours per day across DST),
//   which never lands on the wrong learner day.
// lastReview is stored as the real review instant, not converted back.
//
// Fuzz. The seed of a review is `${fuzzSeed}#${review number}`, so a card's
// fuzz is stable for a given review (preview, next and replay agree; undo then
// redo gives the same interval) yet differs from one review to the next.
import type { Card, Grade } from "ts-fsrs";
import type { Rating } from "@/lib/api/review";
import { createEngine } from "./engine";
import { intervalLabel } from "./interval-label";
import { daysBetweenDayTimes, fromDayTime, toDayTime, type LearnerClock } from "./learner-clock";
import type { SrsParams } from "./params";
import { fromFsrsCard, newSrsState, toFsrsCard, type SrsState } from "./state";

export type { SrsParams } from "./params";
export type { Rating };

/** ts-fsrs's Grade values (Rating is the API's type, lib/api/review.ts). */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export type IntervalPreview = { due: Date; intervalLabel: string };

/**
 * The per-card part of the fuzz seed. Includes the learner so classmates who
 * study the same card together don't all get the same fuzz.
 */
export function fuzzSeedFor(userId: string, cardId: string): string {
  return `${userId}:${cardId}`;
}

type Review = { card: Card; reviewDayTime: Date; now: Date; clock: LearnerClock; seed: string };

function prepareReview(state: SrsState | null, now: Date, params: SrsParams, fuzzSeed: string): Review {
  const clock: LearnerClock = { timezone: params.timezone, rolloverHour: params.rolloverHour };
  const before = state ?? newSrsState(now);
  if (before.lastReview && now.getTime() < before.lastReview.getTime()) {
    throw new RangeError(
      `Review at ${now.toISOString()} precedes the card's last review at ${before.lastReview.toISOString()}`,
    );
  }
  const reviewDayTime = toDayTime(now, clock);
  const lastReviewDayTime = before.lastReview && toDayTime(before.lastReview, clock);
  const inDayTime: SrsState = { ...before, due: toDayTime(before.due, clock), lastReview: lastReviewDayTime };
  const elapsedDays = lastReviewDayTime ? daysBetweenDayTimes(lastReviewDayTime, reviewDayTime) : 0;
  return {
    card: toFsrsCard(inDayTime, elapsedDays),
    reviewDayTime,
    now,
    clock,
    seed: `${fuzzSeed}#${before.reps + 1}`,
  };
}

function toRealTime(scheduled: Card, review: Review): SrsState {
  const state = fromFsrsCard(scheduled);
  const due =
    state.scheduledDays === 0
      ? new Date(review.now.getTime() + (state.due.getTime() - review.reviewDayTime.getTime()))
      : fromDayTime(state.due, review.clock);
  return { ...state, due, lastReview: review.now };
}

const asGrade = (rating: Rating) => rating as Grade;

/** The state to store after grading `state` (null: never graded) with `rating` at `now`. */
export function next(
  state: SrsState | null,
  rating: Rating,
  now: Date,
  params: SrsParams,
  fuzzSeed: string,
): SrsState {
  const review = prepareReview(state, now, params, fuzzSeed);
  const { card } = createEngine(params, review.seed).next(review.card, review.reviewDayTime, asGrade(rating));
  return toRealTime(card, review);
}

/** For each rating, when the card would come due if graded so at `now`: exactly what next() stores. */
export function preview(
  state: SrsState | null,
  now: Date,
  params: SrsParams,
  fuzzSeed: string,
): Record<Rating, IntervalPreview> {
  const review = prepareReview(state, now, params, fuzzSeed);
  const outcomes = createEngine(params, review.seed).repeat(review.card, review.reviewDayTime);
  const show = (rating: Rating): IntervalPreview => {
    const after = toRealTime(outcomes[asGrade(rating)].card, review);
    return {
      due: after.due,
      intervalLabel: intervalLabel(after.scheduledDays, after.due.getTime() - now.getTime()),
    };
  };
  return { 1: show(1), 2: show(2), 3: show(3), 4: show(4) };
}

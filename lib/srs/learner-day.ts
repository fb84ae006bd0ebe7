// The learner's current day: it starts at the rollover hour on their wall
// clock, so around a DST change it lasts 23 or 25 hours.
import { dayKeyOf, fromDayTime, startOfDayTime, toDayTime, type LearnerClock } from "@/lib/srs/learner-clock";

const DAY_MS = 86_400_000;

export type LearnerDay = {
  /** First instant of the day (inclusive). */
  start: Date;
  /** First instant of the next day (exclusive). */
  end: Date;
  /** The calendar date the day is named after, "YYYY-MM-DD". */
  key: string;
};

export function learnerDay(now: Date, timezone: string, rolloverHour: number): LearnerDay {
  const clock: LearnerClock = { timezone, rolloverHour };
  const midnight = startOfDayTime(toDayTime(now, clock));
  return {
    start: fromDayTime(midnight, clock),
    end: fromDayTime(new Date(midnight.getTime() + DAY_MS), clock),
    key: dayKeyOf(midnight),
  };
}

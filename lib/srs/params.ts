// The inputs of one scheduling decision. A copy is stored with every review
// (ReviewLog.params) so replay recomputes each grade with the settings it was
// made under, even after the learner changes them.
import { z } from "zod";
import { isValidTimeZone, type LearnerClock } from "./learner-clock";
import { weightsSchema } from "./weights";

/** A (re)learning step: whole minutes, hours or days, e.g. "10m", "1h", "1d". */
export type LearningStep = `${number}${"m" | "h" | "d"}`;

const STEP_PATTERN = /^[1-9]\d{0,3}[mhd]$/;

export function isLearningStep(value: unknown): value is LearningStep {
  return typeof value === "string" && STEP_PATTERN.test(value);
}

export const learningStepSchema = z.custom<LearningStep>(isLearningStep, {
  error: 'A step is a whole number (1–9999) followed by m, h or d, e.g. "10m"',
});

export type SrsParams = LearnerClock & {
  /** Target probability of recall when a review card comes due, in (0, 1). */
  desiredRetention: number;
  maximumIntervalDays: number;
  learningSteps: LearningStep[];
  relearningSteps: LearningStep[];
  /** Spread day intervals a little so cards learned together don't stay clumped. */
  enableFuzz: boolean;
  /** FSRS-6 weights fitted to this learner (lib/optimizer); absent: the defaults. */
  weights?: number[];
};

/**
 * Parses params read back from storage. Deliberately looser than the user
 * settings schema (lib/review/settings.ts): it checks only what the scheduler
 * needs, so tightening a settings range later never makes old logs unreadable.
 */
export const srsParamsSchema = z.object({
  desiredRetention: z.number().gt(0).lt(1),
  maximumIntervalDays: z.int().min(1),
  learningSteps: z.array(learningStepSchema),
  relearningSteps: z.array(learningStepSchema),
  enableFuzz: z.boolean(),
  timezone: z.string().refine(isValidTimeZone, { error: "Unknown time zone" }),
  rolloverHour: z.int().min(0).max(23),
  weights: weightsSchema.optional(),
}) satisfies z.ZodType<SrsParams>;

// A learner's review settings (User.settings, plus the User.timezone and
// User.rolloverHour columns) and the scheduler params derived from them.
import { z } from "zod";
import { chosenTimeZone } from "@/lib/srs/learner-clock";
import { learningStepSchema, type SrsParams } from "@/lib/srs/params";

const steps = (what: string) =>
  z.array(learningStepSchema).max(10, { error: `At most 10 ${what} steps` });

const dailyLimit = (what: string) =>
  z.int({ error: `${what} must be a whole number` }).min(0, { error: `${what} must be 0–9999` }).max(9999, {
    error: `${what} must be 0–9999`,
  });

/** A time zone as the person chose it (an IANA name or alias: lib/srs/learner-clock.ts chosenTimeZone). */
export const timeZoneSchema = z.string({ error: "Time zone must be a string" }).transform((given, ctx) => {
  const zone = chosenTimeZone(given);
  if (zone === null) {
    ctx.addIssue({ code: "custom", message: `Unknown time zone "${given}": use an IANA name such as "Europe/Berlin"` });
    return z.NEVER;
  }
  return zone;
});

/** Missing fields take their defaults, so `parse({})` is the default settings. */
export const reviewSettingsSchema = z.object({
  desiredRetention: z
    .number({ error: "Desired retention must be a number" })
    .min(0.7, { error: "Desired retention must be between 0.70 and 0.99" })
    .max(0.99, { error: "Desired retention must be between 0.70 and 0.99" })
    .default(0.9),
  maximumIntervalDays: z
    .int({ error: "Maximum interval must be a whole number of days" })
    .min(1, { error: "Maximum interval must be 1–36500 days" })
    .max(36500, { error: "Maximum interval must be 1–36500 days" })
    .default(36500),
  learningSteps: steps("learning").default(["1m", "10m"]),
  relearningSteps: steps("relearning").default(["10m"]),
  newPerDay: dailyLimit("New cards per day").default(20),
  reviewsPerDay: dailyLimit("Reviews per day").default(200),
  timezone: timeZoneSchema.default("UTC"),
  rolloverHour: z
    .int({ error: "Rollover hour must be a whole hour" })
    .min(0, { error: "Rollover hour must be 0–23" })
    .max(23, { error: "Rollover hour must be 0–23" })
    .default(4),
  /** Re-run "Optimize my scheduler" at most monthly when the learner opens /stats (lib/optimizer/monthly.ts). */
  monthlyOptimize: z.boolean({ error: "Monthly optimization must be true or false" }).default(false),
});

export type ReviewSettings = z.output<typeof reviewSettingsSchema>;

export const defaultReviewSettings: ReviewSettings = reviewSettingsSchema.parse({});

/**
 * The settings of a User row: the `settings` JSON plus the `timezone` and
 * `rolloverHour` columns, which win over any copy inside the JSON. Throws a
 * ZodError (with the messages above) when the row holds invalid settings.
 */
export function settingsOfUser(user: { settings: unknown; timezone: string; rolloverHour: number }): ReviewSettings {
  const stored = typeof user.settings === "object" && user.settings !== null && !Array.isArray(user.settings) ? user.settings : {};
  return reviewSettingsSchema.parse({ ...stored, timezone: user.timezone, rolloverHour: user.rolloverHour });
}

/** `weights`: the learner's fitted FSRS weights in use (lib/optimizer), if any. */
export function toSrsParams(settings: ReviewSettings, weights?: readonly number[] | null): SrsParams {
  return {
    desiredRetention: settings.desiredRetention,
    maximumIntervalDays: settings.maximumIntervalDays,
    learningSteps: [...settings.learningSteps],
    relearningSteps: [...settings.relearningSteps],
    // Always on: without fuzz, cards first learned together stay due together.
    enableFuzz: true,
    timezone: settings.timezone,
    rolloverHour: settings.rolloverHour,
    ...(weights ? { weights: [...weights] } : {}),
  };
}

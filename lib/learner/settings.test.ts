import { describe, expect, it } from "vitest";
import { srsParamsSchema } from "@/lib/srs/params";
import { defaultReviewSettings, reviewSettingsSchema, settingsOfUser, toSrsParams } from "@/lib/learner/settings";

const messages = (input: unknown) => {
  const result = reviewSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("reviewSettingsSchema", () => {
  it("fills every missing field with its default", () => {
    expect(defaultReviewSettings).toEqual({
      desiredRetention: 0.9,
      maximumIntervalDays: 36500,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      newPerDay: 20,
      reviewsPerDay: 200,
      timezone: "UTC",
      rolloverHour: 4,
      monthlyOptimize: false,
    });
    expect(reviewSettingsSchema.parse({ newPerDay: 5 }).reviewsPerDay).toBe(200);
  });

  it("accepts the edges of every range", () => {
    const low = { desiredRetention: 0.7, maximumIntervalDays: 1, newPerDay: 0, reviewsPerDay: 0, rolloverHour: 0, learningSteps: [] };
    const high = { desiredRetention: 0.99, maximumIntervalDays: 36500, newPerDay: 9999, reviewsPerDay: 9999, rolloverHour: 23 };
    expect(messages(low)).toEqual([]);
    expect(messages(high)).toEqual([]);
  });

  it("refuses out-of-range values with clear messages", () => {
    expect(messages({ desiredRetention: 0.5 })).toEqual(["desiredRetention: Desired retention must be between 0.70 and 0.99"]);
    expect(messages({ desiredRetention: 1 })).toEqual(["desiredRetention: Desired retention must be between 0.70 and 0.99"]);
    expect(messages({ maximumIntervalDays: 0 })).toEqual(["maximumIntervalDays: Maximum interval must be 1–36500 days"]);
    expect(messages({ maximumIntervalDays: 2.5 })).toEqual(["maximumIntervalDays: Maximum interval must be a whole number of days"]);
    expect(messages({ newPerDay: -1 })).toEqual(["newPerDay: New cards per day must be 0–9999"]);
    expect(messages({ reviewsPerDay: 10000 })).toEqual(["reviewsPerDay: Reviews per day must be 0–9999"]);
    expect(messages({ rolloverHour: 24 })).toEqual(["rolloverHour: Rollover hour must be 0–23"]);
    expect(messages({ learningSteps: ["10"] })).toEqual(['learningSteps.0: A step is a whole number (1–9999) followed by m, h or d, e.g. "10m"']);
    expect(messages({ relearningSteps: ["1.5m"] })).toHaveLength(1);
    expect(messages({ learningSteps: "1m" })).toHaveLength(1);
  });

  it("validates the time zone with Intl and keeps the name as chosen", () => {
    expect(messages({ timezone: "Europe/Berlln" })).toEqual([
      'timezone: Unknown time zone "Europe/Berlln": use an IANA name such as "Europe/Berlin"',
    ]);
    expect(reviewSettingsSchema.parse({ timezone: "america/new_york" }).timezone).toBe("America/New_York");
    // Kept as chosen: the runtime's canonical name for Kolkata is "Asia/Calcutta".
    expect(reviewSettingsSchema.parse({ timezone: "Asia/Kolkata" }).timezone).toBe("Asia/Kolkata");
  });
});

describe("settingsOfUser", () => {
  it("merges the JSON column with the timezone and rolloverHour columns, which win", () => {
    const user = { settings: { newPerDay: 5, timezone: "Asia/Tokyo", stale: true }, timezone: "Europe/Berlin", rolloverHour: 2 };
    expect(settingsOfUser(user)).toEqual({ ...defaultReviewSettings, newPerDay: 5, timezone: "Europe/Berlin", rolloverHour: 2 });
    expect(settingsOfUser({ settings: null, timezone: "UTC", rolloverHour: 4 })).toEqual(defaultReviewSettings);
  });

  it("refuses a row holding an invalid setting", () => {
    expect(() => settingsOfUser({ settings: { newPerDay: -3 }, timezone: "UTC", rolloverHour: 4 })).toThrow(/New cards per day/);
  });
});

describe("toSrsParams", () => {
  it("carries everything the scheduler needs, with fuzz on, in a form ReviewLog.params can store", () => {
    const settings = reviewSettingsSchema.parse({ desiredRetention: 0.85, timezone: "Europe/Berlin", rolloverHour: 3 });
    const params = toSrsParams(settings);
    expect(params).toEqual({
      desiredRetention: 0.85,
      maximumIntervalDays: 36500,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      enableFuzz: true,
      timezone: "Europe/Berlin",
      rolloverHour: 3,
    });
    expect(srsParamsSchema.parse(JSON.parse(JSON.stringify(params)))).toEqual(params);
  });
});

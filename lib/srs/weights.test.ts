import { describe, expect, it } from "vitest";
import type { SrsParams } from "./params";
import { srsParamsSchema } from "./params";
import { next } from "./scheduler";
import { defaultWeights } from "./weights";

const params: SrsParams = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  enableFuzz: false,
  timezone: "UTC",
  rolloverHour: 0,
};
const NOW = new Date("2026-01-10T12:00:00Z");

describe("fitted weights", () => {
  it("schedule with the learner's weights when given, the defaults otherwise", () => {
    const fitted = defaultWeights();
    fitted[3] = fitted[3]! * 4; // remembers a card answered Easy four times as long
    const byDefault = next(null, 4, NOW, params, "seed");
    const byFitted = next(null, 4, NOW, { ...params, weights: fitted }, "seed");
    expect(byFitted.stability).toBeCloseTo(4 * byDefault.stability, 6);
    expect(byFitted.scheduledDays).toBeGreaterThan(byDefault.scheduledDays);
    expect(next(null, 4, NOW, { ...params, weights: defaultWeights() }, "seed")).toEqual(byDefault);
  });

  it("are stored with the params of each review and read back for replay; a malformed set is refused", () => {
    const stored = JSON.parse(JSON.stringify({ ...params, weights: defaultWeights() }));
    expect(srsParamsSchema.parse(stored).weights).toEqual(defaultWeights());
    expect(srsParamsSchema.parse(JSON.parse(JSON.stringify(params))).weights).toBeUndefined();
    expect(() => srsParamsSchema.parse({ ...params, weights: [1, 2, 3] })).toThrow();
  });
});

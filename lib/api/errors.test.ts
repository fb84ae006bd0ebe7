import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError, fieldLabel } from "./errors";

const describe_ = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a refusal");
  return describeZodError(result.error);
};

describe("describeZodError", () => {
  const settings = z.object({
    newPerDay: z.int().min(0, { error: "New cards per day must be 0–9999" }),
    maximumIntervalDays: z.int({ error: "Maximum interval must be a whole number of days" }),
    timezone: z.string().refine(() => false, { error: 'Unknown time zone "Mars/Olympus": use an IANA name such as "Europe/Berlin"' }),
    learningSteps: z.array(z.string().regex(/^\d+[mhd]$/, { error: 'A step is a whole number followed by m, h or d, e.g. "10m"' })),
  });

  it("leaves a message that names its field as it is (never 'newPerDay: …')", () => {
    expect(describe_(settings.pick({ newPerDay: true }), { newPerDay: -1 })).toBe("New cards per day must be 0–9999");
    expect(describe_(settings.pick({ maximumIntervalDays: true }), { maximumIntervalDays: 2.5 })).toBe("Maximum interval must be a whole number of days");
    expect(describe_(settings.pick({ timezone: true }), { timezone: "Mars/Olympus" })).toMatch(/^Unknown time zone/);
  });

  it("introduces any other message by the field's label, not its JSON path", () => {
    expect(describe_(settings.pick({ learningSteps: true }), { learningSteps: ["1m", "soon"] })).toBe(
      'Learning steps, item 2: A step is a whole number followed by m, h or d, e.g. "10m"',
    );
    expect(describe_(z.object({ desiredRetention: z.number() }), { desiredRetention: "high" })).toMatch(/^Desired retention: Invalid input/);
  });

  it("labels paths as words", () => {
    expect(fieldLabel(["newPerDay"])).toBe("New per day");
    expect(fieldLabel(["cards", 0, "prompt"])).toBe("Cards, item 1, prompt");
  });
});

import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/api/errors";
import { refusePastDates } from "./dates";

const now = new Date("2026-12-03T12:00:00Z");

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("refusePastDates", () => {
  it("refuses a due date in the past, naming the field and the date", () => {
    const e = refusal(() => refusePastDates({ dueAt: new Date("2020-01-01T00:00:00Z") }, now));
    expect(e.code).toBe("validation_failed");
    expect(e.message).toContain("1 Jan 2020");
    expect(e.message).toContain("already passed");
    expect(e.details).toEqual({ fields: { dueAt: expect.stringContaining("due date") } });
  });

  it("refuses a quiz window that closed already, and a due date equal to now", () => {
    expect(refusal(() => refusePastDates({ closesAt: new Date("2026-12-03T11:59:00Z") }, now)).details).toEqual({ fields: { closesAt: expect.stringContaining("closes") } });
    expect(refusal(() => refusePastDates({ dueAt: now }, now)).code).toBe("validation_failed");
  });

  it("accepts future dates, unchanged dates, and a window that opened earlier but is still open", () => {
    expect(() => refusePastDates({ dueAt: new Date("2026-12-10T00:00:00Z") }, now)).not.toThrow();
    expect(() => refusePastDates({}, now)).not.toThrow();
    expect(() => refusePastDates({ dueAt: null, closesAt: new Date("2026-12-04T00:00:00Z") }, now)).not.toThrow();
  });
});

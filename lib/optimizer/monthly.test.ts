import { describe, expect, it } from "vitest";
import { monthlyRunDue } from "./monthly";

const NOW = new Date("2026-12-03T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe("monthlyRunDue", () => {
  it("is due for a learner who opted in once 30 days have passed since the last run, or with none", () => {
    expect(monthlyRunDue(true, null, NOW)).toBe(true);
    expect(monthlyRunDue(true, daysAgo(30), NOW)).toBe(true);
    expect(monthlyRunDue(true, daysAgo(29.9), NOW)).toBe(false);
    expect(monthlyRunDue(false, null, NOW)).toBe(false);
    expect(monthlyRunDue(false, daysAgo(400), NOW)).toBe(false);
  });
});

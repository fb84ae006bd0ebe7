import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration, percent, quizTitle } from "./format";

describe("quiz formatting", () => {
  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(10)).toBe("10 s");
    expect(formatDuration(125)).toBe("2 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
  });

  it("formats dates in the learner's zone, falling back to UTC", () => {
    expect(formatDateTime("2030-01-01T12:00:00Z", "Europe/Berlin")).toBe("1 Jan 2030, 13:00");
    expect(formatDateTime("2030-01-01T12:00:00Z", "Not/AZone")).toBe("1 Jan 2030, 12:00 UTC");
  });

  it("names at-risk quizzes and rounds percentages", () => {
    expect(quizTitle(null)).toBe("Cards I'm about to forget");
    expect(quizTitle("Deck")).toBe("Deck");
    expect(percent(2, 3)).toBe("67%");
    expect(percent(0, 0)).toBe("0%");
  });
});

import { describe, expect, it } from "vitest";
import { intervalLabel } from "./interval-label";

const MINUTE = 60_000;

describe("intervalLabel", () => {
  it("labels (re)learning steps by their real duration", () => {
    expect(intervalLabel(0, 1 * MINUTE)).toBe("1m");
    expect(intervalLabel(0, 10 * MINUTE)).toBe("10m");
    expect(intervalLabel(0, 20_000)).toBe("1m");
    expect(intervalLabel(0, 60 * MINUTE)).toBe("1h");
    expect(intervalLabel(0, 90 * MINUTE)).toBe("1.5h");
  });

  it("labels day intervals by learner days, like Anki", () => {
    expect(intervalLabel(1, 23 * 60 * MINUTE)).toBe("1d");
    expect(intervalLabel(3, 0)).toBe("3d");
    expect(intervalLabel(8, 0)).toBe("8d");
    expect(intervalLabel(29, 0)).toBe("29d");
    expect(intervalLabel(30, 0)).toBe("1mo");
    expect(intervalLabel(36, 0)).toBe("1.2mo");
    expect(intervalLabel(364, 0)).toBe("12.1mo");
    expect(intervalLabel(365, 0)).toBe("1y");
    expect(intervalLabel(730, 0)).toBe("2y");
    expect(intervalLabel(912, 0)).toBe("2.5y");
  });
});

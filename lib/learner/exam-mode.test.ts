import { describe, expect, it } from "vitest";
import { examRetention, withExamRetention } from "./exam-mode";
import { defaultReviewSettings } from "./settings";

describe("exam retention", () => {
  it("is 5 points above the higher of the learner's retention and the target, at most 0.99", () => {
    expect(examRetention(0.9, 0.85)).toBe(0.95);
    expect(examRetention(0.8, 0.9)).toBe(0.95);
    expect(examRetention(0.9, null)).toBe(0.95);
    expect(examRetention(0.97, 0.8)).toBe(0.99);
  });

  it("raises the settings' retention, never lowers it", () => {
    expect(withExamRetention(defaultReviewSettings, 0.95).desiredRetention).toBe(0.95);
    expect(withExamRetention({ ...defaultReviewSettings, desiredRetention: 0.97 }, 0.95).desiredRetention).toBe(0.97);
    expect(withExamRetention(defaultReviewSettings, null)).toBe(defaultReviewSettings);
  });
});

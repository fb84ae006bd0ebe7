import { describe, expect, it } from "vitest";
import { examPlan } from "./exam-plan";

describe("examPlan (hand-computed)", () => {
  it("reviews every unstudied card, then the furthest below the target until the spare covers the rest", () => {
    // Target 0.8, 6 cards: one unstudied (R 0), studied at 0.5, 0.7, 0.75, 0.95, 0.99.
    // Shortfalls 0.3, 0.1, 0.05 (sum 0.45); spare 0.15 + 0.19 = 0.34.
    // The unstudied card must be studied. Left 0.45 > 0.34: review the 0.5 card -> left 0.15 <= 0.34.
    // So 2 cards; due in 3 learner days (4 days counting today): ceil(2 / 4) = 1 a day.
    expect(examPlan({ targetRecall: 0.8, cardsTotal: 6, cardsStarted: 5, belowTarget: [0.7, 0.5, 0.75], spare: 0.34, daysLeft: 3 })).toEqual({
      cardsToReview: 2,
      daysLeft: 4,
      perDay: 1,
    });
  });

  it("asks for nothing when the spare covers every shortfall, and for every card when nothing is spare", () => {
    expect(examPlan({ targetRecall: 0.8, cardsTotal: 3, cardsStarted: 3, belowTarget: [0.78], spare: 0.3, daysLeft: 5 })).toEqual({ cardsToReview: 0, daysLeft: 6, perDay: 0 });
    // 40 cards, none studied, due today: all 40 today.
    expect(examPlan({ targetRecall: 0.9, cardsTotal: 40, cardsStarted: 0, belowTarget: [], spare: 0, daysLeft: 0 })).toEqual({ cardsToReview: 40, daysLeft: 1, perDay: 40 });
    // 3 studied cards at 0.6, target 0.85, no spare: all 3, over 2 days: ceil(3 / 2) = 2.
    expect(examPlan({ targetRecall: 0.85, cardsTotal: 3, cardsStarted: 3, belowTarget: [0.6, 0.6, 0.6], spare: 0, daysLeft: 1 })).toEqual({ cardsToReview: 3, daysLeft: 2, perDay: 2 });
  });

  it("has no plan past the due date or for an empty deck", () => {
    expect(examPlan({ targetRecall: 0.8, cardsTotal: 3, cardsStarted: 0, belowTarget: [], spare: 0, daysLeft: -1 })).toBeNull();
    expect(examPlan({ targetRecall: 0.8, cardsTotal: 0, cardsStarted: 0, belowTarget: [], spare: 0, daysLeft: 4 })).toBeNull();
  });
});

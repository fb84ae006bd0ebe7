import { describe, expect, it } from "vitest";
import { cardsToLift, examPlan } from "./exam-plan";

describe("exam plan (hand-computed)", () => {
  it("reviews the studied cards furthest below the target until the spare covers the rest", () => {
    // Target 0.8; studied cards at 0.5, 0.7, 0.75 (shortfalls 0.3, 0.1, 0.05: 0.45 in all) and
    // 0.95, 0.99 (spare 0.15 + 0.19 = 0.34). 0.45 > 0.34: review the 0.5 card; 0.15 <= 0.34: done.
    expect(cardsToLift([0.1, 0.3, 0.05, -0.15, -0.19], 0.34)).toBe(1);
    // No spare: every card below the target; all covered: none; a tie is covered.
    expect(cardsToLift([0.2, 0.2, 0.2], 0)).toBe(3);
    expect(cardsToLift([0.02], 0.3)).toBe(0);
    expect(cardsToLift([0.1, 0.2], 0.1)).toBe(1);
  });

  it("adds every unstudied card and spreads them over the days left, due day included, rounded up", () => {
    // 6 cards, 5 studied, 1 studied card to review: 2 cards, due in 3 learner days (4 days counting today): 1 a day.
    expect(examPlan({ cardsTotal: 6, cardsStarted: 5, studiedToReview: 1, daysLeft: 3 })).toEqual({ cardsToReview: 2, daysLeft: 4, perDay: 1 });
    // 40 cards, none studied, due today: all 40 today.
    expect(examPlan({ cardsTotal: 40, cardsStarted: 0, studiedToReview: 0, daysLeft: 0 })).toEqual({ cardsToReview: 40, daysLeft: 1, perDay: 40 });
    // 3 studied cards to review over 2 days: ceil(3 / 2) = 2.
    expect(examPlan({ cardsTotal: 3, cardsStarted: 3, studiedToReview: 3, daysLeft: 1 })).toEqual({ cardsToReview: 3, daysLeft: 2, perDay: 2 });
    expect(examPlan({ cardsTotal: 3, cardsStarted: 3, studiedToReview: 0, daysLeft: 5 })).toEqual({ cardsToReview: 0, daysLeft: 6, perDay: 0 });
  });

  it("has no plan past the due date or for an empty deck", () => {
    expect(examPlan({ cardsTotal: 3, cardsStarted: 0, studiedToReview: 0, daysLeft: -1 })).toBeNull();
    expect(examPlan({ cardsTotal: 0, cardsStarted: 0, studiedToReview: 0, daysLeft: 4 })).toBeNull();
  });
});

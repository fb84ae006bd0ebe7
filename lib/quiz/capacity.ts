// How many questions a deck can supply to one quiz: a teacher may not assign more (issue 15:
// a quiz assigned with 5 questions on a deck that could supply 3 gave students 3 while the
// teacher's page said 5).
import { MAX_QUESTIONS } from "@/lib/api/quiz";
import { generateQuiz } from "./generate";
import type { QuizCard } from "./types";

/**
 * Which questions leak into each other depends on the shuffled order, so one seed can fit
 * one question more than another: the fewest over a few seeds is what every attempt gets.
 */
const SEEDS = ["capacity-1", "capacity-2", "capacity-3", "capacity-4", "capacity-5"];

export function quizCapacity(cards: readonly QuizCard[]): number {
  return Math.min(...SEEDS.map((seed) => generateQuiz({ cards, count: MAX_QUESTIONS, seed }).length));
}

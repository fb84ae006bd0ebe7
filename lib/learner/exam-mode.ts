// Exam date mode: a learner raises their desired retention for one deck until a review
// assignment's due date. Stored per learner and deck (ExamMode, lib/learner/exam-mode-store.ts);
// the scheduler honours it when grading and in the queue (lib/review) while it lasts.
import type { ReviewSettings } from "./settings";

/** The highest retention exam mode asks for: past it, intervals shrink to about a day. */
export const MAX_EXAM_RETENTION = 0.99;
/** How far exam mode raises retention above the higher of the learner's own and the target. */
export const EXAM_RAISE = 0.05;

/**
 * The retention exam mode schedules with: 5 points above the higher of the learner's own
 * desired retention and the assignment's target recall, at most 0.99. Above the target, so
 * that a card reviewed on schedule is still above it on the due date; above the learner's
 * own, so that opting in always shortens intervals.
 */
export function examRetention(desiredRetention: number, targetRecall: number | null): number {
  const raised = Math.max(desiredRetention, targetRecall ?? 0) + EXAM_RAISE;
  return Math.min(MAX_EXAM_RETENTION, Math.round(raised * 100) / 100);
}

/** The settings a card is scheduled with: the exam retention of its deck where it is higher. */
export function withExamRetention(settings: ReviewSettings, exam: number | null | undefined): ReviewSettings {
  return exam != null && exam > settings.desiredRetention ? { ...settings, desiredRetention: exam } : settings;
}

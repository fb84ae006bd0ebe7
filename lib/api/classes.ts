// Request shapes of the classes and assignments API, shared by route handlers and pages.
import { z } from "zod";

const name = z.string().trim().min(1, { error: "Give the class a name" }).max(100, { error: "A class name is at most 100 characters" });

export const createClassSchema = z.strictObject({ name });
export const updateClassSchema = z.strictObject({ name: name.optional(), archived: z.boolean().optional() });
export const joinClassSchema = z.strictObject({ code: z.string().trim().min(1, { error: "Enter the class code" }).max(20) });

const dateTime = (what: string) => z.iso.datetime({ offset: true, error: `${what} must be a date and time (ISO 8601)` }).transform((s) => new Date(s));

// The settings' rules, shared by creating and editing an assignment.
const targetRecall = z.number({ error: "targetRecall must be a number between 0 and 1" }).min(0, { error: "targetRecall must be between 0 and 1" }).max(1, { error: "targetRecall must be between 0 and 1" });
const intBetween = (what: string, min: number, max: number) => {
  const error = `${what} must be ${min}–${max}`;
  return z.int({ error }).min(min, { error }).max(max, { error });
};
const count = intBetween("count", 5, 50);
const timeLimitSec = intBetween("timeLimitSec", 10, 7200);
const attempts = intBetween("attempts", 1, 20);

export const createAssignmentSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("REVIEW"),
    classId: z.uuid({ error: "classId must be a class id" }),
    deckId: z.uuid({ error: "deckId must be a deck id" }),
    dueAt: dateTime("dueAt"),
    targetRecall,
  }),
  z
    .strictObject({
      kind: z.literal("QUIZ"),
      classId: z.uuid({ error: "classId must be a class id" }),
      deckId: z.uuid({ error: "deckId must be a deck id" }),
      count,
      timeLimitSec,
      attempts,
      opensAt: dateTime("opensAt"),
      closesAt: dateTime("closesAt"),
    })
    .refine((a) => a.closesAt > a.opensAt, { error: "closesAt must be after opensAt", path: ["closesAt"] }),
], { error: 'kind must be "REVIEW" or "QUIZ"' });
export type CreateAssignment = z.infer<typeof createAssignmentSchema>;

/** Any of the settings; lib checks the quiz window against the stored one (either end may change alone). */
export const updateAssignmentSchema = z.strictObject({
  dueAt: dateTime("dueAt").optional(),
  targetRecall: targetRecall.optional(),
  count: count.optional(),
  timeLimitSec: timeLimitSec.optional(),
  attempts: attempts.optional(),
  opensAt: dateTime("opensAt").optional(),
  closesAt: dateTime("closesAt").optional(),
});
export type UpdateAssignment = z.infer<typeof updateAssignmentSchema>;

export const accommodationSchema = z.strictObject({
  timeFactor: z.number().min(1, { error: "timeFactor must be 1–4" }).max(4, { error: "timeFactor must be 1–4" }).default(1),
  extendedDueAt: dateTime("extendedDueAt").nullable().default(null),
});

export const progressRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  cardsStarted: z.number().int(),
  cardsTotal: z.number().int(),
  reviews: z.number().int(),
  timeSpentSec: z.number().int(),
  predictedRecall: z.number(),
  quizBest: z.number().nullable(),
  quizLast: z.number().nullable(),
  dueAt: z.string().nullable(),
  /** "finished": a quiz taken, its target not met (or none set); "complete": the target met. */
  status: z.enum(["complete", "finished", "on track", "behind", "late", "not started"]),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

/**
 * Exam date mode: for a review goal with a target and a due date ahead, the cards the student
 * still has to review to reach the target by the due date, the learner days left (today and the
 * due day included) and so the reviews a day (lib/classes/exam-plan.ts).
 */
export const examPlanSchema = z.object({ cardsToReview: z.number().int(), daysLeft: z.number().int(), perDay: z.number().int() });
export type ExamPlan = z.infer<typeof examPlanSchema>;

/** GET /api/assignments/{id}/exam-plan: a plan per student of the class; empty for a quiz, a goal without a target or past its due date. */
export const examPlansSchema = z.object({ assignmentId: z.string(), students: z.array(examPlanSchema.extend({ userId: z.string() })) });

/** GET /api/assignments/{id}/cards: cards to re-teach, failed ones first, then studied ones; `unstudied` counts the deck's cards nobody in the class has studied. */
export const reteachCardsSchema = z.object({
  cards: z.array(z.object({
    cardId: z.string(),
    prompt: z.string(),
    answer: z.string(),
    quote: z.string(),
    citation: z.string().nullable(),
    failures: z.number().int(),
    reviews: z.number().int(),
    /** The class's mean predicted recall at the due date (now, once it has passed); unstudied counts as 0. */
    recallAtDue: z.number(),
    /** Students of the class for whom the card became a leech (8 lapses: lib/review/controls.ts), which suspended it for them. */
    leeches: z.number().int(),
  })),
  unstudied: z.number().int(),
});
export type ReteachCards = z.infer<typeof reteachCardsSchema>;
export type ReteachCard = ReteachCards["cards"][number];

// Request and response shapes of the quiz API, shared by route handlers and the quiz pages.
import { z } from "zod";

/** How many questions a quiz may ask: a limit of the API, which the generator follows. */
export const MIN_QUESTIONS = 5;
export const MAX_QUESTIONS = 50;

const count = z.int().min(MIN_QUESTIONS, { error: `count must be ${MIN_QUESTIONS}–${MAX_QUESTIONS}` }).max(MAX_QUESTIONS, {
  error: `count must be ${MIN_QUESTIONS}–${MAX_QUESTIONS}`,
});
const timeLimitSec = z.int().min(10, { error: "timeLimitSec must be 10–7200 seconds" }).max(7200, { error: "timeLimitSec must be 10–7200 seconds" });

export const createAttemptSchema = z.union([
  z.strictObject({ deckId: z.uuid({ error: "deckId must be a deck id" }), count, timeLimitSec }),
  z.strictObject({ source: z.literal("at-risk"), count, timeLimitSec }),
  z.strictObject({ assignmentId: z.uuid({ error: "assignmentId must be an assignment id" }) }),
], { error: "Send {deckId, count, timeLimitSec}, {source: \"at-risk\", count, timeLimitSec} or {assignmentId}" });
export type CreateAttempt = z.infer<typeof createAttemptSchema>;

export const answerRequestSchema = z.strictObject({
  questionId: z.uuid({ error: "questionId must be a question id" }),
  answer: z.unknown(),
});

/** A question as the learner sees it before answering: never its key. */
export const publicQuestionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  type: z.enum(["mcq", "typed-year", "chronology"]),
  prompt: z.string(),
  payload: z.unknown(),
  answered: z.boolean(),
});

export const attemptSchema = z.object({
  id: z.string(),
  deckId: z.string().nullable(),
  deckTitle: z.string().nullable(),
  assignmentId: z.string().nullable(),
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  /** Server time when this response was made, so the client clock can be corrected. */
  serverNow: z.iso.datetime(),
  graceSec: z.number(),
  submittedAt: z.iso.datetime().nullable(),
  finished: z.boolean(),
  questions: z.array(publicQuestionSchema),
});
export type AttemptDto = z.infer<typeof attemptSchema>;

export const resultSchema = z.object({
  id: z.string(),
  deckTitle: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  timeTakenSec: z.number(),
  score: z.number().int(),
  total: z.number().int(),
  questions: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      type: z.enum(["mcq", "typed-year", "chronology"]),
      prompt: z.string(),
      payload: z.unknown(),
      answer: z.unknown().nullable(),
      yourAnswer: z.string().nullable(),
      correctAnswer: z.string(),
      correct: z.boolean(),
      provenance: z.object({ quote: z.string(), citation: z.string().nullable(), source: z.string().nullable() }).nullable(),
    }),
  ),
});
export type ResultDto = z.infer<typeof resultSchema>;

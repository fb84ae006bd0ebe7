// `GET /api/stats`: a learner's statistics (docs/api.md, "Statistics").
import { z } from "zod";

export const statsQuerySchema = z.object({
  deck: z.uuid({ error: "deck must be a deck id" }).optional(),
});

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const retentionSchema = z.object({ passed: z.int(), failed: z.int(), rate: z.number().nullable() });
const splitSchema = z.object({ young: retentionSchema, mature: retentionSchema, all: retentionSchema });
const bucketsSchema = z.array(z.object({ label: z.string(), count: z.int() }));

export const statsResponseSchema = z.object({
  /** The deck filtered on, or null for all of the learner's cards. */
  deck: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** The decks the learner may filter on. */
  decks: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Today's learner day (time zone and rollover hour applied). */
  today: dayKey,
  heatmap: z.object({
    /** Days of the past year with at least one review, oldest first. */
    days: z.array(z.object({ day: dayKey, reviews: z.int() })),
    totalReviews: z.int(),
    daysStudied: z.int(),
    streak: z.object({ current: z.int(), longest: z.int() }),
  }),
  forecast: z.array(z.object({ day: dayKey, due: z.int() })),
  retention: z.object({
    overall: splitSchema,
    weeks: z.array(splitSchema.extend({ week: dayKey, reviews: z.int() })),
  }),
  counts: z.object({ new: z.int(), learning: z.int(), review: z.int(), relearning: z.int() }),
  distributions: z.object({ stability: bucketsSchema, difficulty: bucketsSchema, retrievability: bucketsSchema }),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;

/** `GET /api/assignments/{id}/item-analysis`: how a class answered an assigned quiz, question by question. */
export const itemAnalysisSchema = z.object({
  assignmentId: z.string(),
  /** Finished attempts (submitted, or out of time) by students now in the class. */
  attempts: z.int(),
  students: z.int(),
  items: z.array(
    z.object({
      /** The card asked about; null for chronology questions, which order several cards. */
      cardId: z.string().nullable(),
      type: z.enum(["mcq", "typed-year", "chronology"]),
      prompt: z.string(),
      answer: z.string().nullable(),
      asked: z.int(),
      answered: z.int(),
      correct: z.int(),
      /** correct / asked (an unanswered question counts wrong, as in the score); null when never asked. */
      shareCorrect: z.number().nullable(),
      /** Wrong answers and how often each was given, most picked first: mcq distractors, typed years. */
      wrongAnswers: z.array(z.object({ answer: z.string(), picks: z.int() })),
      /** The card's FSRS difficulty (1–10) among the class's students who have studied it. */
      difficulty: z.object({ mean: z.number(), students: z.int() }).nullable(),
    }),
  ),
});
export type ItemAnalysis = z.infer<typeof itemAnalysisSchema>;

/** `GET /api/assignments/{id}/calibration`: predicted against observed recall of the class's reviews of the deck. */
export const calibrationSchema = z.object({
  assignmentId: z.string(),
  reviews: z.int(),
  /** Answered quiz questions on cards then in the review state, in the same bins. */
  quizAnswers: z.int(),
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.int(), predicted: z.number().nullable(), observed: z.number().nullable() })),
  rmseBins: z.number().nullable(),
  ece: z.number().nullable(),
});

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

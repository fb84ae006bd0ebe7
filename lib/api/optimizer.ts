// `GET/POST /api/optimizer`, `PUT /api/optimizer/active` (docs/api.md, "Optimize my scheduler").
import { z } from "zod";

const metricsSchema = z.object({ logLoss: z.number(), rmseBins: z.number() });

export const comparisonSchema = z.object({
  reviews: z.int(),
  trainItems: z.int(),
  testItems: z.int(),
  stage: z.enum(["too-few", "initial-only", "full"]),
  weights: z.array(z.number()),
  current: metricsSchema.nullable(),
  fitted: metricsSchema.nullable(),
  better: z.boolean(),
  /** The fitted set was saved and is now in use. */
  applied: z.boolean(),
});

const parameterSetSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reviews: z.int(),
  logLoss: z.number(),
  rmseBins: z.number(),
  previousLogLoss: z.number(),
  previousRmseBins: z.number(),
  weights: z.array(z.number()),
});

export const optimizerStatusSchema = z.object({
  run: z
    .object({
      status: z.enum(["running", "done", "failed"]),
      progress: z.number(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      result: comparisonSchema.nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  /** The set in use; null: the FSRS-6 defaults. */
  activeId: z.string().nullable(),
  defaults: z.array(z.number()),
  /** Every set fitted for this learner, newest first. */
  sets: z.array(parameterSetSchema),
});
export type OptimizerStatus = z.infer<typeof optimizerStatusSchema>;

export const setActiveSchema = z.strictObject({
  /** A set from `sets`, or null to go back to the defaults. */
  parametersId: z.uuid({ error: "parametersId must be the id of one of your parameter sets, or null" }).nullable(),
});

// FSRS-6 weights: the defaults every learner starts with, and the check a stored set must
// pass before a scheduler is built from it.
import { default_w } from "ts-fsrs";
import { z } from "zod";

export const WEIGHT_COUNT = default_w.length;

export const defaultWeights = (): number[] => [...default_w];

export const weightsSchema = z.array(z.number().refine(Number.isFinite)).length(WEIGHT_COUNT);

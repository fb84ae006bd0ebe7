// Current retrievability, R(t, S) = (1 + factor · t / S) ^ decay (FSRS-6), with t in whole
// learner days since the last review: the same count lib/srs/retrievability.ts uses. The
// stats page evaluates it in SQL over all of a learner's cards; this is the same formula
// in TypeScript, tested against hand-computed values and used to check the SQL.
export type Curve = { decay: number; factor: number };

export function recallAfter(elapsedDays: number, stability: number, { decay, factor }: Curve): number {
  if (!(stability > 0)) return 0;
  return Math.pow(1 + (factor * Math.max(0, elapsedDays)) / stability, decay);
}

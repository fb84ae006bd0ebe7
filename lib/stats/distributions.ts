// Buckets of the memory-state distributions (stability, difficulty, retrievability). The
// edges are used by the SQL that counts cards per bucket (lib/stats/store.ts) and by the
// labels the page shows, so both come from here.

/** Stability in days: under 1, 1–3, …, 365 and more (roughly Anki's log-like spacing). */
export const STABILITY_EDGES = [1, 3, 7, 14, 30, 90, 180, 365] as const;
/** FSRS difficulty runs from 1 to 10: nine one-point buckets, the last one closed (9–10). */
export const DIFFICULTY_BUCKETS = 9;
/** Current retrievability in tenths: 0–10 %, …, 90–100 %. */
export const RETRIEVABILITY_BUCKETS = 10;

export type Bucket = { label: string; count: number };

/** Labels for buckets 0..edges.length of a value cut at `edges` ("< 1 d", "1–3 d", …, "≥ 365 d"). */
export function edgeLabels(edges: readonly number[], unit: string): string[] {
  return [`< ${edges[0]} ${unit}`, ...edges.slice(1).map((e, i) => `${edges[i]}–${e} ${unit}`), `≥ ${edges[edges.length - 1]} ${unit}`];
}

export const stabilityLabels = (): string[] => edgeLabels(STABILITY_EDGES, "d");
export const difficultyLabels = (): string[] => Array.from({ length: DIFFICULTY_BUCKETS }, (_, i) => `${i + 1}–${i + 2}`);
export const retrievabilityLabels = (): string[] => Array.from({ length: RETRIEVABILITY_BUCKETS }, (_, i) => `${i * 10}–${i + 1 === RETRIEVABILITY_BUCKETS ? 100 : (i + 1) * 10} %`);

/** Counts per bucket index from aggregate rows, zeros filled in; an index outside the labels is a bug, so it throws. */
export function histogram(rows: readonly { bucket: number; n: number }[], labels: readonly string[]): Bucket[] {
  const counts = new Array<number>(labels.length).fill(0);
  for (const { bucket, n } of rows) {
    if (!(bucket >= 0 && bucket < labels.length)) throw new RangeError(`bucket ${bucket} outside 0..${labels.length - 1}`);
    counts[bucket]! += n;
  }
  return labels.map((label, i) => ({ label, count: counts[i]! }));
}

/** The bucket (0..9) of a retrievability in [0, 1]: 1 itself falls in the last one. */
export function retrievabilityBucket(r: number): number {
  return Math.min(RETRIEVABILITY_BUCKETS - 1, Math.max(0, Math.floor(r * RETRIEVABILITY_BUCKETS)));
}

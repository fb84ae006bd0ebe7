import seedrandom from "seedrandom";

/**
 * A reproducible random source. Quizzes are stored by seed, so the same seed
 * must give the same quiz on any machine and any run: never use Math.random
 * in quiz code.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

export function createRng(seed: string): Rng {
  // seedrandom(seed) returns a local generator; it only replaces Math.random
  // when asked to ({ global: true }), which we never do.
  const prng = seedrandom(seed);
  return {
    next: () => prng(),
    int: (maxExclusive) => Math.floor(prng() * maxExclusive),
  };
}

/** A shuffled copy (Fisher-Yates): every order equally likely, input untouched. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

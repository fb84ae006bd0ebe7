// Latency percentiles by the nearest-rank method: the p-th percentile is a sample that
// was actually observed, never an interpolation between two.

/** Nearest-rank percentile (0 < p <= 100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export type Summary = { count: number; mean: number; p50: number; p90: number; p99: number; max: number };

export function summarize(samples: readonly number[]): Summary {
  const count = samples.length;
  const mean = count ? samples.reduce((a, b) => a + b, 0) / count : Number.NaN;
  return {
    count,
    mean,
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p99: percentile(samples, 99),
    max: count ? Math.max(...samples) : Number.NaN,
  };
}

export function formatSummary(s: Summary, unit = "ms"): string {
  const f = (v: number) => v.toFixed(2);
  return `n=${s.count} mean=${f(s.mean)}${unit} p50=${f(s.p50)} p90=${f(s.p90)} p99=${f(s.p99)} max=${f(s.max)}`;
}

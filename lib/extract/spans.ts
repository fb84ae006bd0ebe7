import type { Span } from "./types";

/** Index of the first span starting at or after `pos`, in spans sorted by start (binary search). */
export function firstStartingFrom(spans: readonly Pick<Span, "start">[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

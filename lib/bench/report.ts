// Bench output: figures as one JSON line each on stdout (machine-readable), progress on
// stderr, so `npm run bench:review > figures.jsonl` keeps only the figures.
import { performance } from "node:perf_hooks";

export type Figure = { name: string; value: number; unit: string };

const started = performance.now();

export function emit(name: string, value: number, unit: string): Figure {
  const figure = { name, value: round(value), unit };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  return figure;
}

export function log(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}

/** Three decimals are plenty for milliseconds and ratios, and keep the lines short. */
function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : value;
}

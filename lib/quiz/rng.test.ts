import { describe, expect, it } from "vitest";
import { createRng, shuffle } from "./rng";

const draw = (seed: string, n = 20) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe("createRng", () => {
  it("repeats a sequence for a seed and changes it for another", () => {
    expect(draw("quiz-1")).toEqual(draw("quiz-1"));
    expect(draw("quiz-1")).not.toEqual(draw("quiz-2"));
  });

  it("stays in range", () => {
    const rng = createRng("range");
    for (let i = 0; i < 1000; i++) {
      const x = rng.int(7);
      expect(Number.isInteger(x) && x >= 0 && x < 7).toBe(true);
    }
  });
});

describe("shuffle", () => {
  const items = Array.from({ length: 10 }, (_, i) => i);

  it("returns a permutation and leaves the input alone", () => {
    const copy = [...items];
    const out = shuffle(items, createRng("p"));
    expect(items).toEqual(copy);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(out).not.toEqual(items);
  });

  it("puts each item in each place about equally often", () => {
    const rng = createRng("uniform");
    const firsts = new Array<number>(4).fill(0);
    for (let i = 0; i < 4000; i++) firsts[shuffle([0, 1, 2, 3], rng)[0] as number]! += 1;
    for (const n of firsts) expect(n).toBeGreaterThan(850);
  });
});

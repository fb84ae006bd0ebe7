// The optimizer on logs of simulated learners whose memory follows known weights (ts-fsrs
// as the simulator, lib/srs/simulate.ts): fitted weights must predict held-out reviews
// better than the defaults, and a learner with too few reviews keeps the defaults.
import { describe, expect, it } from "vitest";
import { simulateLearner } from "@/lib/srs/simulate";
import { defaultWeights } from "@/lib/srs/weights";
import { compareFit, fitStage } from "./compare";
import { timeSeriesSplit, toItems } from "./items";

const log = (reviews: number, trueWeights = defaultWeights(), seed = "t") =>
  simulateLearner({ trueWeights, cards: 1500, reviews, seed }).map((r) => ({ cardId: r.cardId, rating: r.rating, day: r.day }));

/** A learner who remembers new cards much longer than the defaults assume. */
function strongMemory(): number[] {
  const w = defaultWeights();
  for (let i = 0; i < 4; i++) w[i] = w[i]! * 4;
  return w;
}

describe("training items", () => {
  it("gives each card's reviews after the first, with whole days since the previous one, in time order", () => {
    const items = toItems([
      { cardId: "a", rating: 3, day: 0 },
      { cardId: "b", rating: 1, day: 0 },
      { cardId: "a", rating: 3, day: 2 },
      { cardId: "b", rating: 3, day: 1 },
      { cardId: "a", rating: 1, day: 9 },
    ]);
    expect(items.map((i) => [i.day, i.reviews])).toEqual([
      [1, [{ rating: 1, deltaT: 0 }, { rating: 3, deltaT: 1 }]],
      [2, [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }]],
      [9, [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }, { rating: 1, deltaT: 7 }]],
    ]);
    expect(timeSeriesSplit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ train: [1, 2, 3, 4, 5, 6, 7, 8], test: [9, 10] });
  });

  it("names the stage from which weights moved", () => {
    const d = defaultWeights();
    expect(fitStage(d, d)).toBe("too-few");
    expect(fitStage([d[0]! + 1, ...d.slice(1)], d)).toBe("initial-only");
    expect(fitStage([...d.slice(0, 10), d[10]! + 0.1, ...d.slice(11)], d)).toBe("full");
  });
});

describe("optimizer", () => {
  it("fits a simulated learner's weights that beat the defaults on held-out reviews", async () => {
    const c = await compareFit(log(3000, strongMemory()), defaultWeights(), defaultWeights());
    expect(c.stage).toBe("full");
    expect(c.current).not.toBeNull();
    expect(c.fitted!.logLoss).toBeLessThan(c.current!.logLoss);
    expect(c.better).toBe(true);
    // The fit moved the initial stabilities towards the truth (4 times the defaults).
    expect(c.weights[2]!).toBeGreaterThan(defaultWeights()[2]!);
  }, 60_000);

  it("keeps the defaults for a learner with fewer reviews than the optimizer needs", async () => {
    const c = await compareFit(log(30, strongMemory()), defaultWeights(), defaultWeights());
    expect(c.stage).toBe("too-few");
    expect(c.weights).toEqual(defaultWeights().map((w) => expect.closeTo(w, 6)));
    expect(c.better).toBe(false);
  });

  it("fits only the initial stabilities with little data", async () => {
    const c = await compareFit(log(200, strongMemory()), defaultWeights(), defaultWeights());
    expect(c.stage).toBe("initial-only");
  });
});

import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { srsParamsSchema, type SrsParams } from "./params";
import { replay, type ReplayEntry } from "./replay";
import { fuzzSeedFor, next, type Rating } from "./scheduler";
import type { CardStateDto } from "@/lib/api/review";
import { srsStateFromJson, srsStateToJson, type SrsState } from "./state";

const DAY = 86_400_000;

const base: SrsParams = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  enableFuzz: true,
  timezone: "Europe/Berlin",
  rolloverHour: 4,
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function randomParams(random: Random): SrsParams {
  return {
    desiredRetention: Math.round((0.7 + random() * 0.29) * 100) / 100,
    maximumIntervalDays: pick(random, [36500, 36500, 365, 30, 7]),
    learningSteps: pick(random, [["1m", "10m"], ["10m"], [], ["5m", "1h", "1d"], ["30m", "2h"]] as const).slice(),
    relearningSteps: pick(random, [["10m"], [], ["5m", "20m"], ["1d"]] as const).slice(),
    enableFuzz: random() < 0.8,
    timezone: pick(random, ["UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kathmandu"]),
    rolloverHour: Math.floor(random() * 24),
  };
}

function randomRating(random: Random): Rating {
  const r = random();
  return r < 0.15 ? 1 : r < 0.3 ? 2 : r < 0.85 ? 3 : 4;
}

/** When the learner next opens the card: usually around its due date, sometimes early or very late. */
function nextVisit(random: Random, now: Date, state: SrsState): Date {
  const untilDue = Math.max(60_000, state.due.getTime() - now.getTime());
  const r = random();
  const wait = r < 0.1 ? random() * 1000 * DAY : r < 0.25 ? untilDue * random() : untilDue * (1 + random() * 1.5);
  return new Date(now.getTime() + Math.max(1000, Math.round(wait)));
}

/** What a row looks like after a trip through the database (JSON for ReviewLog, ms timestamps). */
const throughStorage = (state: SrsState): SrsState => srsStateFromJson(JSON.parse(JSON.stringify(srsStateToJson(state))));

describe("replay", () => {
  it("of an empty log is a card never graded", () => {
    expect(replay([])).toBeNull();
  });

  it("uses each review's own params, not the current settings", () => {
    const start = new Date("2026-05-01T10:00:00Z");
    const log: ReplayEntry[] = [
      { rating: 3, reviewedAt: start, params: base, fuzzSeed: "s" },
      { rating: 3, reviewedAt: new Date(start.getTime() + 600_000), params: base, fuzzSeed: "s" },
      { rating: 3, reviewedAt: new Date(start.getTime() + 3 * DAY), params: { ...base, desiredRetention: 0.75 }, fuzzSeed: "s" },
    ];
    const everyReviewAtBase = replay(log.map((entry) => ({ ...entry, params: base })));
    expect(replay(log)!.scheduledDays).toBeGreaterThan(everyReviewAtBase!.scheduledDays);
  });

  it("reproduces the stored state exactly across random grades, settings changes and undos", () => {
    let reviews = 0;
    let undos = 0;
    for (let run = 0; run < 60; run++) {
      const random = seedrandom(`replay-${run}`);
      const fuzzSeed = fuzzSeedFor("learner", `card-${run}`);
      let params = randomParams(random);
      let stored: SrsState | null = null;
      const log: { entry: ReplayEntry; stateBefore: CardStateDto | null }[] = [];
      let now = new Date(Date.parse("2026-01-01T00:00:00Z") + random() * 365 * DAY);

      for (let step = 0; step < 40; step++) {
        if (random() < 0.15) params = randomParams(random);
        if (log.length > 0 && random() < 0.1) {
          // Undo restores the state saved with the review and drops it from the replayed log.
          const undone = log.pop()!;
          stored = undone.stateBefore && srsStateFromJson(undone.stateBefore);
          expect(replay(log.map(({ entry }) => entry))).toEqual(stored);
          undos++;
          continue;
        }
        const rating = randomRating(random);
        // ReviewLog.params is JSON too: store it, read it back, validate it.
        const storedParams = srsParamsSchema.parse(JSON.parse(JSON.stringify(params)));
        log.push({ entry: { rating, reviewedAt: now, params: storedParams, fuzzSeed }, stateBefore: stored && srsStateToJson(stored) });
        stored = throughStorage(next(stored, rating, now, params, fuzzSeed));
        reviews++;
        now = nextVisit(random, now, stored);
      }
      expect(replay(log.map(({ entry }) => entry))).toEqual(stored);
    }
    expect(reviews).toBeGreaterThan(1500);
    expect(undos).toBeGreaterThan(100);
  });
});

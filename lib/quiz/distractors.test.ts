import { describe, expect, it } from "vitest";
import { MAX_SHIFT_YEARS, NEARBY_YEARS } from "./date-distractors";
import { compareDates, parseDate, type PartialDate } from "./dates";
import { buildPool, mcqOptions } from "./distractors";
import { createRng } from "./rng";
import type { QuizCard } from "./types";

let n = 0;
const id = () => `card-${++n}`;
const dateCard = (subject: string, date: PartialDate): QuizCard => ({
  id: id(),
  kind: "DATE",
  subject,
  prompt: `When was ${subject} signed?`,
  answer: "as written",
  data: { date },
});
const partiesCard = (subject: string, answer: string, parties: string[]): QuizCard => ({
  id: id(),
  kind: "PARTIES",
  subject,
  prompt: `Which states concluded ${subject}?`,
  answer,
  data: { parties },
});
const termCard = (term: string, definition: string): QuizCard => ({
  id: id(),
  kind: "TERM",
  subject: term,
  prompt: `What does ${term} mean?`,
  answer: definition,
  data: { term, definition },
});

const seeds = Array.from({ length: 200 }, (_, i) => `seed-${i}`);
const options = (card: QuizCard, deck: QuizCard[], seed: string) => mcqOptions(card, buildPool(deck), createRng(seed));
const parse = (s: string): PartialDate => {
  const d = parseDate(s);
  if (!d) throw new Error(`not a date: ${s}`);
  return d;
};
const key = (d: PartialDate) => `${d.year}-${d.month ?? ""}-${d.day ?? ""}`;

describe("date distractors", () => {
  const answer = dateCard("Treaty of Rapallo", { year: 1922, month: 4, day: 16 });
  const deck = [
    answer,
    dateCard("A", { year: 1918, month: 3, day: 3 }),
    dateCard("B", { year: 1921, month: 3, day: 16 }),
    dateCard("C", { year: 1925, month: 1, day: 20 }),
    dateCard("D", { year: 1926, month: 4, day: 24 }),
    dateCard("E", { year: 1929, month: 2, day: 9 }),
    dateCard("G", { year: 1924, month: 4, day: 16 }),
    dateCard("H", { year: 1922 }), // other precision: never an option
    dateCard("I", { year: 1922, month: 4 }),
    dateCard("J", { year: 1960, month: 1, day: 1 }), // too far to be plausible
    dateCard("Treaty of Rapallo", { year: 1922, month: 4, day: 17 }), // same subject: may also be right
    dateCard("K", { year: 1922, month: 4, day: 16 }), // same date as the answer
  ];
  const deckDates = new Set(deck.map((c) => key(c.data.date as PartialDate)));

  it("gives three dates of the answer's precision, distinct from it and each other", () => {
    for (const seed of seeds) {
      const o = options(answer, deck, seed);
      expect(o).not.toBeNull();
      const all = [o!.correct, ...o!.distractors].map(parse);
      expect(o!.correct).toBe("16 April 1922");
      expect(all.every((d) => d.day !== undefined)).toBe(true);
      expect(new Set(all.map(key)).size).toBe(4);
      for (const d of all.slice(1)) {
        expect(key(d)).not.toBe("1922-4-17");
        expect(Math.abs(d.year - 1922)).toBeLessThanOrEqual(NEARBY_YEARS);
      }
    }
  });

  it("never mixes real and synthesised dates, and synthesises within a few years", () => {
    let real = 0;
    let synthetic = 0;
    for (const seed of seeds) {
      const ds = options(answer, deck, seed)!.distractors.map(parse);
      const fromDeck = ds.filter((d) => deckDates.has(key(d)));
      if (fromDeck.length === 3) real++;
      else {
        expect(fromDeck.filter((d) => d.month !== 4 || d.day !== 16)).toEqual([]);
        for (const d of ds) expect(Math.abs(d.year - 1922)).toBeLessThanOrEqual(MAX_SHIFT_YEARS);
        synthetic++;
      }
    }
    // Both paths are exercised: the deck has only two dates before the answer.
    expect(real).toBeGreaterThan(0);
    expect(synthetic).toBeGreaterThan(0);
  });

  it("puts the answer at every rank about equally often", () => {
    const ranks = [0, 0, 0, 0];
    for (const seed of seeds) {
      const o = options(answer, deck, seed)!;
      const rank = o.distractors.map(parse).filter((d) => compareDates(d, { year: 1922, month: 4, day: 16 }) < 0).length;
      ranks[rank]! += 1;
    }
    for (const r of ranks) expect(r).toBeGreaterThan(seeds.length * 0.15);
  });

  it("synthesises when the deck has nothing of the same precision, keeping valid days", () => {
    const leap = dateCard("Leap", { year: 1940, month: 2, day: 29 });
    for (const seed of seeds.slice(0, 50)) {
      const o = options(leap, [leap, dateCard("Y", { year: 1941 })], seed)!;
      const ds = o.distractors.map(parse);
      expect(ds).toHaveLength(3);
      for (const d of ds) {
        expect(d.month).toBe(2);
        expect(d.day === 29 || d.day === 28).toBe(true);
        expect(d.year).not.toBe(1940);
      }
    }
  });

  it("keeps year and month answers at their precision", () => {
    const y = dateCard("Y", { year: 1933 });
    const m = dateCard("M", { year: 1938, month: 3 });
    for (const seed of seeds.slice(0, 50)) {
      expect(options(y, [y, m], seed)!.distractors.every((s) => /^\d{4}$/.test(s))).toBe(true);
      expect(options(m, [y, m], seed)!.distractors.every((s) => /^[A-Z][a-z]+ \d{4}$/.test(s))).toBe(true);
    }
  });
});

describe("party distractors", () => {
  const answer = partiesCard("Treaty of Rapallo", "Germany and the Soviet Union", ["Germany", "Soviet Union"]);
  const same = [
    partiesCard("Treaty of Berlin", "the Soviet Union and Germany", ["Soviet Union", "Germany"]),
    partiesCard("Trade", "the USSR and Germany", ["USSR", "germany "]),
  ];
  const others = [
    partiesCard("P1", "the Soviet Union and Poland", ["Soviet Union", "Poland"]),
    partiesCard("P2", "Japan and the Soviet Union", ["Japan", "Soviet Union"]),
    partiesCard("P3", "the Soviet Union and Finland", ["Soviet Union", "Finland"]),
  ];
  const alias = termCard("USSR", "Soviet Union");

  it("never offers the same set in another order, case or alias", () => {
    const deck = [answer, ...same, ...others, alias];
    for (const seed of seeds.slice(0, 50)) {
      const o = options(answer, deck, seed)!;
      expect(o.correct).toBe("Germany and the Soviet Union");
      expect([...o.distractors].sort()).toEqual(others.map((c) => c.answer).sort());
    }
  });

  it("is not eligible without three other sets", () => {
    expect(options(answer, [answer, ...same, ...others.slice(0, 2), alias], "s")).toBeNull();
  });

  it("prefers lists of the answer's length", () => {
    const big = partiesCard("Big", "A, B, C, D and E", ["A", "B", "C", "D", "E"]);
    for (const seed of seeds.slice(0, 50)) {
      expect(options(answer, [answer, big, ...others], seed)!.distractors).not.toContain(big.answer);
    }
  });

  it("does not offer the answer of another card on the same subject", () => {
    const variant = partiesCard("Treaty of Rapallo", "Germany, the Soviet Union and Italy", ["Germany", "Soviet Union", "Italy"]);
    for (const seed of seeds.slice(0, 50)) {
      expect(options(answer, [answer, variant, ...others], seed)!.distractors).not.toContain(variant.answer);
    }
  });
});

describe("term distractors", () => {
  it("uses other definitions, never one equal ignoring case and spacing", () => {
    const t = termCard("kulaks", "well-to-do farmers");
    const deck = [t, termCard("a", "Well-to-do  farmers."), termCard("b", "x"), termCard("c", "y"), termCard("d", "z"), termCard("e", "Z ")];
    for (const seed of seeds.slice(0, 50)) {
      const o = options(t, deck, seed)!;
      expect(o.distractors.map((s) => s.trim().toLowerCase()).sort()).toEqual(["x", "y", "z"]);
    }
  });

  it("is not eligible with fewer than three other definitions", () => {
    const deck = [termCard("USSR", "Union of Soviet Socialist Republics"), termCard("U.S.S.R.", "Union of Soviet Socialist Republics"), termCard("DDR", "German Democratic Republic"), termCard("kulaks", "well-to-do farmers")];
    expect(options(deck[0]!, deck, "s")).toBeNull();
  });
});

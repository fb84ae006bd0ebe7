import { describe, expect, it } from "vitest";
import { orderable, pickChronologies } from "./chronology";
import { createRng } from "./rng";
import type { QuizCard } from "./types";
import type { PartialDate } from "./dates";

const card = (id: string, subject: string, date: PartialDate): QuizCard => ({ id, kind: "DATE", subject, prompt: "When?", answer: "x", data: { date } });

describe("orderable", () => {
  it("compares at the coarsest precision among the dates", () => {
    expect(orderable([{ year: 1939, month: 8, day: 19 }, { year: 1939, month: 8, day: 23 }])).toBe(true);
    expect(orderable([{ year: 1939, month: 8, day: 19 }, { year: 1939, month: 8, day: 23 }, { year: 1939 }])).toBe(false);
    expect(orderable([{ year: 1938, month: 8 }, { year: 1939, month: 9, day: 1 }, { year: 1940 }])).toBe(true);
    expect(orderable([{ year: 1939, month: 8 }, { year: 1939, month: 9, day: 1 }, { year: 1940 }])).toBe(false);
    expect(orderable([{ year: 1939, month: 8 }, { year: 1939, month: 8, day: 1 }])).toBe(false);
  });
});

describe("pickChronologies", () => {
  const cards = [
    card("a", "A", { year: 1918, month: 3, day: 3 }),
    card("b", "B", { year: 1918 }), // ties with a at year precision
    card("c", "C", { year: 1922, month: 4, day: 16 }),
    card("d", "Treaty of 1926", { year: 1926 }), // label would give the order away
    card("e", "E", { year: 1929, month: 2 }),
    card("f", "F", { year: 1932, month: 1, day: 21 }),
    card("g", "A", { year: 1933 }), // same subject as a
    card("h", "H", { year: 1935, month: 5, day: 2 }),
  ];

  it("builds orderable sets with distinct subjects and no dated labels", () => {
    for (let i = 0; i < 50; i++) {
      const picked = pickChronologies(cards, 2, createRng(`c${i}`));
      expect(picked.length).toBeGreaterThan(0);
      for (const { draft, cardIds } of picked) {
        const chosen = cardIds.map((id) => cards.find((c) => c.id === id)!);
        expect(orderable(chosen.map((c) => c.data.date!))).toBe(true);
        expect(new Set(chosen.map((c) => c.subject)).size).toBe(4);
        expect(cardIds).not.toContain("d");
        expect([...draft.key.order].sort()).toEqual([...cardIds].sort());
      }
      expect(new Set(picked.flatMap((p) => p.cardIds.map((id) => cards.find((c) => c.id === id)!.subject))).size).toBe(picked.length * 4);
    }
  });

  it("returns none when four orderable events cannot be found", () => {
    expect(pickChronologies(cards.slice(0, 3), 1, createRng("x"))).toEqual([]);
  });
});

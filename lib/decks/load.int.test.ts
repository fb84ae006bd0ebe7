import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { loadContentDecks, readContentDecks } from "./content";
import { loadDeck, type DeckInput } from "./load";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.drop();
});

function deck(cards: Array<[string, string]>): DeckInput {
  return {
    slug: "test-deck",
    title: "Test deck",
    source: { slug: "test-source", title: "Test source", origin: "a test", reliability: "", note: "", text: "In 1922 something happened. In 1924 another." },
    cards: cards.map(([id, answer]) => ({
      id, kind: "DATE", subject: `event ${id}`, prompt: `When did event ${id} happen?`, answer,
      data: { date: { year: Number(answer) } }, quote: "In 1922 something happened.", start: 0, end: 28, citation: null,
    })),
  };
}

describe("loading decks", () => {
  it("loads the curated content decks with provenance that points into the stored source", async () => {
    const results = await loadContentDecks(t.prisma);
    expect(results.map((r) => r.slug).sort()).toEqual(readContentDecks().map((d) => d.slug).sort());
    const cards = await t.prisma.card.findMany({ include: { deck: { include: { source: true } } } });
    expect(cards.length).toBe(readContentDecks().reduce((n, d) => n + d.cards.length, 0));
    for (const c of cards) expect(c.deck.source!.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it("is idempotent: a second run writes nothing", async () => {
    const before = await t.prisma.card.findMany({ orderBy: { id: "asc" } });
    const again = await loadContentDecks(t.prisma);
    expect(again.every((r) => r.created === 0 && r.updated === 0 && r.retired === 0)).toBe(true);
    expect(await t.prisma.card.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("keeps a changed card's id and learners' progress; retires a vanished card but keeps its history", async () => {
    const first = await loadDeck(t.prisma, deck([["a1", "1922"], ["b2", "1924"]]));
    expect(first.created).toBe(2);
    const user = await t.prisma.user.create({ data: { email: "l@example.com", name: "L", passwordHash: "x" } });
    const state = { userId: user.id, due: new Date(), stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2, version: 1 };
    await t.prisma.cardState.createMany({ data: [{ ...state, cardId: "a1" }, { ...state, cardId: "b2" }] });
    await t.prisma.reviewLog.create({ data: { userId: user.id, cardId: "b2", rating: 3, reviewedAt: new Date(), durationMs: 1000, stateAfter: {}, params: {}, idempotencyKey: "k-b2-1" } });

    const second = await loadDeck(t.prisma, deck([["a1", "1923"]]));
    expect(second).toMatchObject({ created: 0, updated: 1, retired: 1 });
    const a1 = await t.prisma.card.findUniqueOrThrow({ where: { id: "a1" } });
    expect(a1.answer).toBe("1923");
    expect(await t.prisma.cardState.count({ where: { userId: user.id } })).toBe(2);
    const b2 = await t.prisma.card.findUniqueOrThrow({ where: { id: "b2" } });
    expect(b2.retiredAt).toBeInstanceOf(Date);
    expect(await t.prisma.reviewLog.count({ where: { cardId: "b2" } })).toBe(1);

    // The card coming back un-retires it.
    const third = await loadDeck(t.prisma, deck([["a1", "1923"], ["b2", "1924"]]));
    expect(third.updated).toBe(1);
    expect((await t.prisma.card.findUniqueOrThrow({ where: { id: "b2" } })).retiredAt).toBeNull();
  });
});

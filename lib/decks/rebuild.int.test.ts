// A deck rebuilt by a changed extractor, loaded over the old one: learners keep their progress
// on every fact that is still there, however its subject is now worded (lib/extract/carry-ids.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carryIds } from "@/lib/extract/carry-ids";
import { deckFileSchema, type DeckFile } from "@/lib/extract/deck-file";
import { cardId } from "@/lib/extract/ids";
import type { Card, PartialDate } from "@/lib/extract/types";
import { gradeCard } from "@/lib/review/grade";
import { cardHistory } from "@/lib/review/history";
import type { Rating } from "@/lib/srs/scheduler";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { toDeckInput } from "./content";
import { loadDeck } from "./load";

const SLUG = "rebuild-test";
const TEXT = [
  "The Treaty of Brest-Litovsk was signed on 3 March 1918.",
  "The Treaty of Rapallo was concluded between Germany and the Soviet Union.",
  "Lenin died on 21 January 1924.",
  "Stalin's terror was directed in particular towards well-to-do farmers (kulaks).",
  "The Anschluss of Austria followed in March 1938.",
].join(" ");

/** The source span of a sentence, so every card's quote really is `TEXT.slice(start, end)`. */
function sentence(startsWith: string) {
  const start = TEXT.indexOf(startsWith);
  const end = TEXT.indexOf(".", start) + 1;
  return { document: SLUG, quote: TEXT.slice(start, end), start, end };
}
const meta = { confidence: 0.9, rule: "test" };
const dateCard = (subject: string, date: PartialDate, answer: string, at: string): Card => ({
  id: cardId(SLUG, "date", subject), kind: "date", subject, prompt: `When: ${subject}?`, answer, date, source: sentence(at), ...meta,
});
const partiesCard = (subject: string, parties: string[], at: string): Card => ({
  id: cardId(SLUG, "parties", subject), kind: "parties", subject, prompt: `Which states were party to ${subject}?`,
  answer: parties.join(" and "), parties, source: sentence(at), ...meta,
});
const termCard = (subject: string, term: string, definition: string, at: string): Card => ({
  id: cardId(SLUG, "term", subject), kind: "term", subject, prompt: `Who were the ${term}?`, answer: definition, term, definition,
  source: sentence(at), ...meta,
});

// The deck as an older extractor built it.
const oldCards = {
  brest: dateCard("Treaty of Brest-Litovsk", { year: 1918, month: 3, day: 3 }, "3 March 1918", "The Treaty of Brest"),
  rapallo: partiesCard("Treaty of Rapallo", ["Germany", "the Soviet Union"], "The Treaty of Rapallo"),
  kulaks: termCard("kulaks", "kulaks", "well-to-do farmers", "Stalin's"),
  lenin: dateCard("death of Lenin", { year: 1924 }, "1924", "Lenin died"),
  anschluss: dateCard("Anschluss of Austria", { year: 1938, month: 3 }, "March 1938", "The Anschluss"),
};
// The same text through the rebuilt extractor: the same facts worded differently (a hyphen,
// a longer name, a singular), Lenin's death corrected to the day, the Anschluss no longer found.
const newCards = {
  brest: dateCard("Treaty of Brest Litovsk", { year: 1918, month: 3, day: 3 }, "3 March 1918", "The Treaty of Brest"),
  rapallo: partiesCard("Treaty of Rapallo between Germany and the Soviet Union", ["Soviet Union", "germany"], "The Treaty of Rapallo"),
  kulaks: termCard("kulak", "Kulaks", "well-to-do farmers", "Stalin's"),
  lenin: dateCard("Death of Lenin", { year: 1924, month: 1, day: 21 }, "21 January 1924", "Lenin died"),
};

const deckFile = (cards: Card[]): DeckFile =>
  deckFileSchema.parse({
    slug: SLUG, title: "Rebuild test",
    source: { slug: SLUG, title: "Rebuild test", origin: "written for this test", reliability: "n/a", note: "none" },
    cards,
  });

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await freshDb();
  userId = (await t.prisma.user.create({ data: { email: "learner@example.com", name: "Learner", passwordHash: "x" } })).id;
});
afterAll(async () => {
  await t.drop();
});

const grade = (id: string, rating: Rating, expectedVersion: number, at: Date) =>
  gradeCard(t.prisma, userId, { cardId: id, rating, expectedVersion, idempotencyKey: randomUUID(), durationMs: 2000 }, at);

const progress = async () => ({
  states: await t.prisma.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } }),
  logs: await t.prisma.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
});

describe("rebuilding a deck with reworded subjects", () => {
  it("keeps learners' progress on unchanged facts, keeps a corrected card, retires a removed one, duplicates nothing", async () => {
    const old = deckFile(Object.values(oldCards));
    // Both builds go through carryIds as `npm run content` does; the first has nothing before it.
    expect(carryIds([], old.cards)).toEqual(old.cards);
    const first = await loadDeck(t.prisma, toDeckInput(old, TEXT));
    expect(first).toMatchObject({ created: 5, updated: 0, retired: 0 });

    // A week of reviews on every card, two on some.
    const day1 = new Date("2026-03-02T09:00:00Z");
    const day4 = new Date("2026-03-05T09:00:00Z");
    for (const c of Object.values(oldCards)) await grade(c.id, 3, 0, day1);
    for (const c of [oldCards.brest, oldCards.kulaks, oldCards.anschluss]) await grade(c.id, 4, 1, day4);
    const before = await progress();
    expect(before.states).toHaveLength(5);
    expect(before.logs).toHaveLength(8);

    // Every reworded fact's own id differs: without the carry-over it would start from scratch.
    for (const k of ["brest", "rapallo", "kulaks"] as const) expect(newCards[k].id).not.toBe(oldCards[k].id);
    // The corrected card hashes to its old id by itself (same kind, same normalised subject).
    expect(newCards.lenin.id).toBe(oldCards.lenin.id);

    const rebuilt = deckFile(carryIds(old.cards, Object.values(newCards)));
    expect(rebuilt.cards.map((c) => c.id)).toEqual([oldCards.brest.id, oldCards.rapallo.id, oldCards.kulaks.id, oldCards.lenin.id]);
    const second = await loadDeck(t.prisma, toDeckInput(rebuilt, TEXT));
    expect(second).toMatchObject({ cards: 4, created: 0, updated: 4, retired: 1 });

    // Nothing duplicated: the deck holds the five original rows, four live with the new wording.
    const rows = await t.prisma.card.findMany({ where: { deckId: first.deckId }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.id).sort()).toEqual(Object.values(oldCards).map((c) => c.id).sort());
    const live = rows.filter((r) => r.retiredAt === null);
    expect(live.map((r) => [r.id, r.subject])).toEqual(rebuilt.cards.map((c) => [c.id, c.subject]));
    expect(live.find((r) => r.id === oldCards.lenin.id)).toMatchObject({ answer: "21 January 1924", data: { date: { year: 1924, month: 1, day: 21 } } });

    // The removed card is retired, not deleted, with its history.
    const anschluss = rows.find((r) => r.id === oldCards.anschluss.id)!;
    expect(anschluss.retiredAt).toBeInstanceOf(Date);

    // Every schedule and every review log is exactly as it was, on the same ids.
    expect(await progress()).toEqual(before);
    expect((await cardHistory(t.prisma, userId, oldCards.anschluss.id)).reviews).toHaveLength(2);

    // Reviews carry on from the kept schedules; the retired card is no longer graded.
    const next = await grade(oldCards.brest.id, 3, 2, new Date("2026-03-20T09:00:00Z"));
    expect(next).toMatchObject({ cardId: oldCards.brest.id, version: 3, replayed: false });
    expect(next.state.reps).toBe(3);
    await expect(grade(oldCards.anschluss.id, 3, 2, new Date("2026-03-20T09:00:00Z"))).rejects.toThrow(/retired/);

    // Rebuilding again over the rebuilt deck changes nothing.
    const again = deckFile(carryIds(rebuilt.cards, Object.values(newCards)));
    expect(JSON.stringify(again)).toBe(JSON.stringify(rebuilt));
    expect(await loadDeck(t.prisma, toDeckInput(again, TEXT))).toMatchObject({ created: 0, updated: 0, retired: 0 });
  });
});

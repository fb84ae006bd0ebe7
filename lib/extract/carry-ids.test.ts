import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { carryIds } from "./carry-ids";
import { buildDeckFile, readPreviousCards } from "./deck-build";
import { cardId } from "./ids";
import { loadRules } from "./rules";
import type { Card, DateCard, PartialDate, PartiesCard, TermCard } from "./types";

const DOC = "test-doc";
const source = (start: number, end: number) => ({ document: DOC, quote: "x".repeat(end - start), start, end });
const common = { confidence: 0.9, rule: "test" };

function date(subject: string, d: PartialDate, start: number, end: number, answer = String(d.year)): DateCard {
  return { id: cardId(DOC, "date", subject), kind: "date", subject, prompt: `When: ${subject}?`, answer, date: d, source: source(start, end), ...common };
}
function parties(subject: string, list: string[], start: number, end: number): PartiesCard {
  return { id: cardId(DOC, "parties", subject), kind: "parties", subject, prompt: `Who: ${subject}?`, answer: list.join(" and "), parties: list, source: source(start, end), ...common };
}
function term(subject: string, t: string, definition: string, start: number, end: number): TermCard {
  return { id: cardId(DOC, "term", subject), kind: "term", subject, prompt: `What: ${subject}?`, answer: definition, term: t, definition, source: source(start, end), ...common };
}

describe("carryIds", () => {
  it("gives a reworded date card the id of the previous card with the same date and an overlapping span", () => {
    const old = date("Non-aggression Pact between the Soviet Union and France", { year: 1932, month: 11, day: 29 }, 100, 180);
    const reworded = date("Non-Aggression Pact between Soviet Union and France", { year: 1932, month: 11, day: 29 }, 100, 180);
    // Without the carry-over the id differs: this is what would cost learners their schedule.
    expect(reworded.id).not.toBe(old.id);
    const [out] = carryIds([old], [reworded]);
    expect(out).toEqual({ ...reworded, id: old.id });
    expect(Object.keys(out!)[0]).toBe("id");
  });

  it("carries a date card whose span moved when the subject is the same (a facet made the id differ)", () => {
    const old = date("Treaty of Riga", { year: 1921, month: 3, day: 18 }, 10, 50);
    const moved = { ...date("the treaty of  Riga", { year: 1921, month: 3, day: 18 }, 400, 450), id: cardId(DOC, "date", "Treaty of Riga", "signed") };
    expect(carryIds([old], [moved])[0]!.id).toBe(old.id);
  });

  it("does not carry across a different date, a different kind, or a span that neither overlaps nor shares the subject", () => {
    const old = date("Treaty of Rapallo", { year: 1922, month: 4, day: 16 }, 100, 200);
    const otherDate = date("Rapallo Treaty", { year: 1922 }, 100, 200);
    const elsewhere = date("Rapallo Treaty", { year: 1922, month: 4, day: 16 }, 300, 400);
    const otherKind = parties("Rapallo Treaty", ["Germany", "Soviet Union"], 100, 200);
    for (const card of [otherDate, elsewhere, otherKind]) expect(carryIds([old], [card])).toEqual([card]);
  });

  it("matches parties as a set, ignoring order, case and a leading 'the'", () => {
    const old = parties("Treaty of Brest-Litovsk", ["the Soviet Union", "the Central Powers"], 50, 140);
    const reworded = parties("Treaty of Brest Litovsk", ["Central powers", "Soviet Union"], 60, 140);
    expect(carryIds([old], [reworded])[0]!.id).toBe(old.id);

    const fewer = parties("Treaty of Brest Litovsk", ["Soviet Union", "Germany"], 60, 140);
    expect(carryIds([old], [fewer])[0]!.id).toBe(fewer.id);

    const movedSameSubject = { ...parties("treaty of brest-litovsk", ["Soviet Union", "Central Powers"], 900, 990), id: "0123456789abcdef" };
    expect(carryIds([old], [movedSameSubject])[0]!.id).toBe(old.id);
  });

  it("matches terms by the term alone, ignoring case", () => {
    const old = term("kulaks", "kulaks", "well-to-do farmers", 1271, 1453);
    const reworded = term("kulak class", "Kulaks", "well-to-do peasants", 2000, 2100);
    expect(reworded.id).not.toBe(old.id);
    expect(carryIds([old], [reworded])[0]!.id).toBe(old.id);
    const other = term("farmers", "farmers", "kulaks", 1271, 1453);
    expect(carryIds([old], [other])[0]!.id).toBe(other.id);
  });

  it("leaves a corrected card (same subject, new answer) its own id, which no reworded card may take", () => {
    const old = date("death of Lenin", { year: 1924 }, 687, 823);
    const corrected = date("Death of Lenin", { year: 1924, month: 1, day: 21 }, 687, 823, "21 January 1924");
    const lookalike = date("Lenin's death", { year: 1924 }, 687, 823);
    expect(corrected.id).toBe(old.id);
    const out = carryIds([old], [corrected, lookalike]);
    expect(out).toEqual([corrected, lookalike]);
  });

  it("never gives two cards one id: of two candidates the closer wording wins", () => {
    const old = date("Protocol between the Soviet Union and Estonia", { year: 1929, month: 2, day: 9 }, 0, 100);
    const a = date("Pact of Paris renouncing war", { year: 1929, month: 2, day: 9 }, 0, 100);
    const b = date("Protocol with Estonia", { year: 1929, month: 2, day: 9 }, 0, 100);
    const out = carryIds([old], [a, b]);
    expect(out.map((c) => c.id)).toEqual([a.id, old.id]);
    expect(new Set(out.map((c) => c.id)).size).toBe(2);
  });

  it("pairs two facts of one sentence with their own previous cards", () => {
    const span: [number, number] = [500, 640];
    const d = { year: 1955, month: 5, day: 14 };
    const oldPact = date("Warsaw Pact", d, ...span);
    const oldCouncil = date("Council of Mutual Economic Assistance treaty", d, ...span);
    const newCouncil = date("Council for Mutual Economic Assistance treaty", d, ...span);
    const newPact = date("the Warsaw Treaty", d, ...span);
    expect(carryIds([oldPact, oldCouncil], [newCouncil, newPact]).map((c) => c.id)).toEqual([oldCouncil.id, oldPact.id]);
  });

  it("does not reuse a previous card's id while a next card still has it", () => {
    const kept = date("October Revolution", { year: 1917 }, 0, 40);
    const other = date("Bolshevik Revolution", { year: 1917 }, 0, 40);
    expect(carryIds([kept], [kept, other]).map((c) => c.id)).toEqual([kept.id, other.id]);
  });

  it("drops a removed card's id, keeps new facts' own ids and the order of next", () => {
    const removed = date("Anschluss of Austria", { year: 1938, month: 3 }, 800, 900);
    const stays = term("USSR", "USSR", "Union of Soviet Socialist Republics", 10, 60);
    const fresh = date("dissolution of the Soviet Union", { year: 1991 }, 1000, 1100);
    const out = carryIds([removed, stays], [fresh, stays]);
    expect(out).toEqual([fresh, stays]);
  });

  it("is stable: carrying again onto its own output changes nothing (a rebuild is byte-identical)", () => {
    const previous = [
      date("Non-aggression Pact between the Soviet Union and France", { year: 1932, month: 11, day: 29 }, 100, 180),
      parties("Treaty of Brest-Litovsk", ["the Soviet Union", "the Central Powers"], 50, 140),
      term("kulaks", "kulaks", "well-to-do farmers", 1271, 1453),
    ];
    const next: Card[] = [
      date("Non-Aggression Pact", { year: 1932, month: 11, day: 29 }, 100, 180),
      parties("Treaty of Brest Litovsk", ["Soviet Union", "Central Powers"], 50, 140),
      term("Kulak", "Kulaks", "well-to-do farmers", 1271, 1453),
    ];
    const once = carryIds(previous, next);
    expect(once.map((c) => c.id)).toEqual(previous.map((c) => c.id));
    expect(JSON.stringify(carryIds(once, next))).toBe(JSON.stringify(once));
  });
});

describe("rebuilding a deck file", () => {
  const rules = loadRules();
  const root = path.resolve(import.meta.dirname, "../..");
  const sourceFile = readFileSync(path.join(root, "content/sources/stalinist-regime.md"), "utf8");

  it("reads a deck file from an older extractor (no confidence or rule) and names a broken one", () => {
    const old = date("establishment of the USSR", { year: 1922 }, 520, 685);
    const { confidence: _c, rule: _r, ...withoutNewFields } = old;
    const file = JSON.stringify({ slug: "s", title: "t", source: {}, cards: [withoutNewFields] });
    expect(readPreviousCards(file, "content/decks/s.json")).toEqual([withoutNewFields]);
    expect(() => readPreviousCards("{", "content/decks/s.json")).toThrow(/^content\/decks\/s\.json: not valid JSON/);
    expect(() => readPreviousCards(JSON.stringify({ cards: [{ kind: "date" }] }), "content/decks/s.json")).toThrow(/^content\/decks\/s\.json: cards\.0\./);
  });

  it("is byte-identical when rebuilt over its own output, and keeps ids carried from an older build", () => {
    const first = buildDeckFile(sourceFile, "stalinist-regime.md", rules);
    const again = buildDeckFile(sourceFile, "stalinist-regime.md", rules, () => first.cards);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));

    // An older build that worded every subject differently: each card keeps that build's id,
    // and a further rebuild keeps them too.
    const older = first.cards.map((c, i) => ({ ...c, id: `${i.toString(16).padStart(4, "0")}aaaaaaaaaaaa`, subject: `former wording ${i}` }));
    const carried = buildDeckFile(sourceFile, "stalinist-regime.md", rules, () => older);
    expect(carried.cards.map((c) => c.id)).toEqual(older.map((c) => c.id));
    const rebuilt = buildDeckFile(sourceFile, "stalinist-regime.md", rules, () => carried.cards);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(carried));
  }, 30_000);
});

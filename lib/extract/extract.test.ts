import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractCards } from "./extract";
import { cardId } from "./ids";
import { compileRules, loadRuleData, loadRules } from "./rules";
import { cardSchema, extractResultSchema } from "./types";

const rules = loadRules();
const seeds = path.resolve(import.meta.dirname, "../../../shared/seeds");
const metapedia = readFileSync(path.join(seeds, "000_3d6c7ad4a8bc3ebb.txt"), "utf8");

describe("extractCards", () => {
  const result = extractCards({ name: "000_3d6c7ad4a8bc3ebb.txt", text: metapedia }, rules);

  it("produces schema-valid cards whose quotes are exact slices of the text", () => {
    expect(() => extractResultSchema.parse(result)).not.toThrow();
    for (const c of result.cards) {
      expect(metapedia.slice(c.source.start, c.source.end)).toBe(c.source.quote);
      expect(c.source.document).toBe("000_3d6c7ad4a8bc3ebb.txt");
    }
  });

  it("gives stable ids derived from document, kind and subject", () => {
    const again = extractCards({ name: "000_3d6c7ad4a8bc3ebb.txt", text: metapedia }, rules);
    expect(again.cards.map((c) => c.id)).toEqual(result.cards.map((c) => c.id));
    const c = result.cards[0]!;
    expect(c.id).toBe(cardId(c.source.document, c.kind, c.subject));
    expect(new Set(result.cards.map((x) => x.id)).size).toBe(result.cards.length);
  });

  it("makes the spec's example cards, with citations resolved", () => {
    const rapallo = result.cards.filter((c) => c.subject === "Treaty of Rapallo");
    expect(rapallo.map((c) => `${c.prompt} ${c.answer}`)).toEqual([
      "When was the Treaty of Rapallo signed? 16 April 1922",
      "Which states concluded the Treaty of Rapallo? Germany and the Soviet Union",
    ]);
    expect(rapallo[0]!.source.citation).toBe("Grenville, 1974, p.139");
    const anglo = result.cards.find((c) => c.kind === "date" && c.subject === "Anglo-Soviet Trade Agreement");
    expect(anglo?.source.citation).toMatch(/^Grenville, Professor J\. A\. S\., .*p\.140/);
  });

  it("lists skipped passages with their reasons", () => {
    const reasons = new Set(result.skipped.map((s) => s.reason));
    expect(reasons).toEqual(new Set(["hateful", "quotation", "opinion", "uncited-figure"]));
    const hateful = result.skipped.find((s) => s.reason === "hateful")!;
    expect(metapedia.slice(hateful.start, hateful.end)).toMatch(/^The Bolshevik Revolution[\s\S]*Will Not Win\.\[48\]$/);
  });

  it("never quotes the hateful passage, quotations or the bibliography", () => {
    const passage = { start: metapedia.indexOf("The Bolshevik Revolution and some"), end: metapedia.indexOf("See also") };
    for (const c of result.cards) {
      expect(c.source.end <= passage.start || c.source.start >= passage.end).toBe(true);
      expect(c.source.quote).not.toMatch(/Jew|purulent|war of extermination/);
    }
  });

  it("takes custom rules", () => {
    const data = loadRuleData();
    const custom = compileRules({
      ...data,
      filters: { ...data.filters, opinion: { phrases: [...data.filters.opinion.phrases, "Rapallo"], patterns: [] } },
    });
    const cards = extractCards({ name: "x", text: metapedia }, custom).cards;
    expect(cards.some((c) => c.subject === "Treaty of Rapallo")).toBe(false);
  });

  it("handles an empty or card-less document", () => {
    expect(extractCards({ name: "x", text: "" }, rules)).toEqual({ cards: [], skipped: [] });
    expect(extractCards({ name: "x", text: "Nothing dated here." }, rules).cards).toEqual([]);
  });

  it("disambiguates two agreements with the same name", () => {
    const text = "# Treaties of Soviet Russia\n\n- Treaty of Moscow (1920) with Lithuania\n- Treaty of Moscow, signed 16 March 1921, between Soviet Russia and Turkey\n";
    const subjects = extractCards({ name: "x", text }, rules).cards.map((c) => `${c.kind}: ${c.subject}`);
    expect(subjects).toEqual([
      "date: Treaty of Moscow (1920)",
      "parties: Treaty of Moscow (1920)",
      "date: Treaty of Moscow (1921)",
      "parties: Treaty of Moscow (1921)",
    ]);
  });

  it("keeps the card shape of the contract", () => {
    for (const c of result.cards) {
      const keys = Object.keys(cardSchema.parse(c));
      expect(keys.slice(0, 5)).toEqual(["id", "kind", "subject", "prompt", "answer"]);
      expect(keys[keys.length - 1]).toBe("source");
    }
  });
});

import { describe, expect, it } from "vitest";
import { SELECT_CONFIDENCE, type Card, type ExtractResult } from "@/lib/extract/types";
import { readDocument } from "./document";
import { previewImport, proposeCards } from "./preview";

const TEXT = "The Treaty of Berlin was signed in 1878. Other books date it to 1926. The Dual Alliance was signed in 1879. It was renewed in 1883. Bismarck left office in 1890.";

function dateCard(n: number, subject: string, sentence: string, year: number, confidence: number): Card {
  const start = TEXT.indexOf(sentence);
  return {
    id: `a00000000000000${n}`,
    kind: "date",
    subject,
    prompt: `When was the ${subject} signed?`,
    answer: String(year),
    date: { year },
    source: { document: "t.txt", quote: sentence, start, end: start + sentence.length, citation: "Taylor, 1954, p. 266" },
    confidence,
    rule: "passive-verb",
  };
}

const result: ExtractResult = {
  cards: [
    dateCard(1, "Treaty of Berlin", "The Treaty of Berlin was signed in 1878.", 1878, 0.9),
    dateCard(2, "Treaty of Berlin", "Other books date it to 1926.", 1926, 0.9),
    dateCard(3, "Dual Alliance", "The Dual Alliance was signed in 1879.", 1879, SELECT_CONFIDENCE),
    dateCard(4, "renewal of the Dual Alliance", "It was renewed in 1883.", 1883, SELECT_CONFIDENCE - 0.01),
  ],
  skipped: [{ reason: "opinion", detail: "undoubtedly", start: 0, end: 5, excerpt: "The T" }],
  unusedDates: [{ text: "1890", start: 156, end: 160, excerpt: "Bismarck left office in 1890." }],
  conflicts: [{ subject: "Treaty of Berlin", answers: ["1878", "1926"], cardIds: ["a000000000000001", "a000000000000002"] }],
};

describe("proposing an extraction's cards", () => {
  const p = proposeCards(result);

  it("proposes ticked exactly the cards at or above the threshold that no other card contradicts", () => {
    expect(p.cards.map((c) => [c.key, c.confidence, c.selected])).toEqual([
      ["a000000000000001", 0.9, false],
      ["a000000000000002", 0.9, false],
      ["a000000000000003", SELECT_CONFIDENCE, true],
      ["a000000000000004", SELECT_CONFIDENCE - 0.01, false],
    ]);
  });

  it("names the competing answers on both conflicting cards, and on no other", () => {
    expect(p.cards.map((c) => c.conflict)).toEqual(["Treaty of Berlin: 1878 or 1926?", "Treaty of Berlin: 1878 or 1926?", null, null]);
    expect(p.conflicts).toEqual([{ subject: "Treaty of Berlin", answers: ["1878", "1926"] }]);
  });

  it("keeps each card's rule, provenance and input shape, and passes the skipped passages and unused dates through", () => {
    const [first] = p.cards;
    expect(first).toMatchObject({ kind: "DATE", subject: "Treaty of Berlin", answer: "1878", date: { year: 1878 }, rule: "passive-verb", citation: "Taylor, 1954, p. 266" });
    expect(TEXT.slice(first!.start, first!.end)).toBe(first!.quote);
    expect(p.skipped).toEqual(result.skipped);
    expect(p.unusedDates).toEqual(result.unusedDates);
  });
});

describe("import preview (the real extractor)", () => {
  it("proposes cards from a short cited paragraph, each with its quote, citation and confidence", () => {
    const text =
      "The Dual Alliance was concluded between Germany and Austria-Hungary on 7 October 1879 (Taylor, 1954, p. 266). " +
      "Italy joined Germany and Austria-Hungary in the Triple Alliance on 20 May 1882 (Taylor, 1954, p. 278).";
    const p = previewImport(readDocument(text, "alliances.txt"));
    expect(p.cards.length).toBeGreaterThan(0);
    for (const c of p.cards) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.citation).toMatch(/^Taylor, 1954, p\. 2(66|78)$/);
      expect(c.selected).toBe(c.confidence >= SELECT_CONFIDENCE && c.conflict === null);
    }
  });

  it("lists skipped passages with the reason", () => {
    const text = [
      "The Warsaw Pact was established on 14 May 1955.",
      'Khrushchev said that "we will bury you all one day" in 1956.',
      "The invasion of 1968 was undoubtedly shameful.",
      "In 1932 about 3,000,000 people died in the famine.",
    ].join(" ");
    const p = previewImport(readDocument(text, "notes.txt"));
    expect(p.cards.map((c) => [c.kind, c.prompt, c.answer, c.quote])).toContainEqual(["DATE", "When was the Warsaw Pact established?", "14 May 1955", "The Warsaw Pact was established on 14 May 1955."]);
    expect(p.skipped.map((s) => s.reason)).toEqual(["quotation", "opinion", "uncited-figure"]);
  });

  it("leaves front matter out of the text and takes its title", () => {
    const p = previewImport(readDocument("---\ntitle: Interwar treaties\nslug: x\n---\nThe Treaty of Rapallo was signed on 16 April 1922.\n", "t.md"));
    expect(p.document.title).toBe("Interwar treaties");
    expect(p.document.text).toBe("The Treaty of Rapallo was signed on 16 April 1922.\n");
    expect(p.cards.length).toBeGreaterThan(0);
  });
});

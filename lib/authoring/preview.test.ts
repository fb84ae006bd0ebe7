import { describe, expect, it } from "vitest";
import { readDocument } from "./document";
import { previewImport } from "./preview";

describe("import preview", () => {
  it("proposes cards with their quotes and lists skipped passages with the reason", () => {
    const text = [
      "The Warsaw Pact was established on 14 May 1955.",
      'Khrushchev said that "we will bury you all one day" in 1956.',
      "The invasion of 1968 was undoubtedly shameful.",
      "In 1932 about 3,000,000 people died in the famine.",
    ].join(" ");
    const p = previewImport(readDocument(text, "notes.txt"));
    expect(p.cards.map((c) => [c.kind, c.prompt, c.answer, c.quote])).toEqual([
      ["DATE", "When was the Warsaw Pact established?", "14 May 1955", "The Warsaw Pact was established on 14 May 1955."],
    ]);
    expect(text.slice(p.cards[0]!.start, p.cards[0]!.end)).toBe(p.cards[0]!.quote);
    expect(p.skipped.map((s) => s.reason)).toEqual(["quotation", "opinion", "uncited-figure"]);
  });

  it("leaves front matter out of the text and takes its title", () => {
    const p = previewImport(readDocument("---\ntitle: Interwar treaties\nslug: x\n---\nThe Treaty of Rapallo was signed on 16 April 1922.\n", "t.md"));
    expect(p.document.title).toBe("Interwar treaties");
    expect(p.document.text).toBe("The Treaty of Rapallo was signed on 16 April 1922.\n");
    expect(p.cards.length).toBeGreaterThan(0);
  });
});

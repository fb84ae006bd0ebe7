import { describe, expect, it } from "vitest";
import { pageOf, searchCards } from "./card-list";
import { splitFootnotes } from "./footnotes";

const card = (subject: string, quote = "") => ({ subject, prompt: `When was ${subject}?`, answer: "1917", quote });

describe("searchCards", () => {
  const cards = [card("October Revolution", "the October Revolution, 1917"), card("Yalta Conference"), card("Zemstvo reform")];
  it("keeps cards holding every word, in any case and without accents", () => {
    expect(searchCards(cards, "october").map((c) => c.subject)).toEqual(["October Revolution"]);
    expect(searchCards(cards, "YALTA conférence").map((c) => c.subject)).toEqual(["Yalta Conference"]);
    expect(searchCards(cards, "when 1917").length).toBe(3);
    expect(searchCards(cards, "  ").length).toBe(3);
    expect(searchCards(cards, "potsdam")).toEqual([]);
  });
});

describe("pageOf", () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  it("splits into pages of 20 and clamps the page number", () => {
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pages: 3, first: 0, items: items.slice(0, 20) });
    expect(pageOf(items, 3).items).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 9).page).toBe(3);
    expect(pageOf(items, 0).page).toBe(1);
    expect(pageOf(items, Number.NaN).page).toBe(1);
    expect(pageOf([], 1)).toMatchObject({ page: 1, pages: 1, items: [] });
  });
});

describe("splitFootnotes", () => {
  it("separates footnote markers from the text", () => {
    expect(splitFootnotes("in 1991.[1] Then[12] more")).toEqual([{ text: "in 1991." }, { marker: "1" }, { text: " Then" }, { marker: "12" }, { text: " more" }]);
    expect(splitFootnotes("no markers [a] here")).toEqual([{ text: "no markers [a] here" }]);
    expect(splitFootnotes("")).toEqual([]);
  });
});

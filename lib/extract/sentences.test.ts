import { describe, expect, it } from "vitest";
import { layout, splitSentences } from "./sentences";

const opts = { backMatterHeadings: new Set(["see also", "references"]), fieldKeys: new Set(["date signed"]) };
const texts = (text: string) => splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("keeps footnote markers with their sentence and returns exact offsets", () => {
    expect(texts("Anglo-Soviet Trade Agreement 16 March 1921.[8]. By this, Soviet Russia secured recognition.")).toEqual([
      "Anglo-Soviet Trade Agreement 16 March 1921.[8].",
      "By this, Soviet Russia secured recognition.",
    ]);
  });

  it("does not split before a number, an initial or an acronym", () => {
    expect(texts("in Poland since August 1939. 30 July 1941.[27]")).toHaveLength(1);
    expect(texts("Grenville, Professor J. A. S. Grenville wrote it.")).toHaveLength(1);
    expect(texts("The Union (U.S.S.R.), was large. It fell.")).toHaveLength(2);
  });

  it("splits before an attribution line", () => {
    expect(texts("A quoted passage here.\n—Norman Author, Book, 1996.")).toHaveLength(2);
  });
});

describe("layout", () => {
  it("finds list items, fields, headings and paragraphs, and stops at back matter", () => {
    const text = "# Title\n\nA paragraph\ncontinues here.\n\n  • Treaty of X, 1920.\n- Treaty of Y (1921)\nDate signed: 1920-02-02\n\nSee also\n\n1. Ref.";
    const lay = layout(text, opts);
    expect(lay.units.map((u) => u.kind)).toEqual(["heading", "paragraph", "item", "item", "field"]);
    expect(text.slice(lay.units[2]!.start, lay.units[2]!.end)).toBe("Treaty of X, 1920.");
    expect(lay.bodyEnd).toBe(text.indexOf("See also"));
    for (const u of lay.units) for (const s of u.sentences) expect(s.start >= u.start && s.end <= u.end).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { buildCitationIndex, citationFor } from "./citations";

const doc = [
  "First claim.[1] Second claim without marker. Third claim.[2]",
  "",
  "Figures here.[9]",
  "",
  "References",
  "",
  "  1. Grenville, 1974, p.139.",
  "  2. Carr, 1945, p.204.",
].join("\n");

describe("citations", () => {
  const bodyEnd = doc.indexOf("References");
  const index = buildCitationIndex(doc, bodyEnd);
  const para = { start: 0, end: doc.indexOf("\n") };
  const span = (s: string) => ({ start: doc.indexOf(s), end: doc.indexOf(s) + s.length });

  it("reads numbered reference lines from the back matter", () => {
    expect(index.references.get("1")).toBe("Grenville, 1974, p.139");
  });

  it("resolves a marker inside the sentence", () => {
    expect(citationFor(index, span("First claim.[1]"), para).citation).toBe("Grenville, 1974, p.139");
  });

  it("falls back to the next marker in the same paragraph", () => {
    expect(citationFor(index, span("Second claim without marker."), para).citation).toBe("Carr, 1945, p.204");
  });

  it("reports a marker that does not resolve", () => {
    const s = span("Figures here.[9]");
    expect(citationFor(index, s, s)).toEqual({ unresolved: true });
  });

  it("supports Markdown footnotes", () => {
    const md = "A claim.[^a]\n\n[^a]: Mawdsley, *The Russian Civil War*, 2005.";
    const i = buildCitationIndex(md, md.length);
    expect(citationFor(i, { start: 0, end: 12 }, { start: 0, end: 12 }).citation).toBe("Mawdsley, The Russian Civil War, 2005");
  });

  it("accepts a trailing numbered block as the reference list when there is no heading", () => {
    const t = "A claim.[1]\n\n1. Smith, 1990.";
    const i = buildCitationIndex(t, t.length);
    expect(i.references.get("1")).toBe("Smith, 1990");
  });
});

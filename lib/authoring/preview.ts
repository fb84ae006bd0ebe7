// Import preview: a document's proposed cards (with their source quotes) and the
// passages the extractor refused, with the reason. Stores nothing.
import type { CardInput, ImportPreview, ProposedCard } from "@/lib/api/authoring";
import { extractCards } from "@/lib/extract/extract";
import { parseFrontMatter } from "@/lib/extract/frontmatter";
import type { Card } from "@/lib/extract/types";
import type { ImportedDocument } from "./document";
import { extractionRules } from "./rules";

/** Front matter (as in content/sources) is metadata, not text to learn from; a file whose fences do not parse is all body. */
function splitFrontMatter(text: string): { title?: string; body: string } {
  try {
    const { fields, body } = parseFrontMatter(text);
    return { title: fields.title || undefined, body };
  } catch {
    return { body: text };
  }
}

/** A title to suggest: the front matter's, else the first line when it is short, else the file name. */
function suggestTitle(name: string, body: string, fromFrontMatter?: string): string {
  if (fromFrontMatter) return fromFrontMatter.slice(0, 200);
  const first = body.trim().split("\n", 1)[0]?.replace(/^#+\s*/, "").trim() ?? "";
  if (first && first.length <= 120 && !/[.!?]$/.test(first)) return first;
  return name.replace(/\.(txt|md|markdown)$/i, "").slice(0, 200) || "Imported deck";
}

function toInput(c: Card): CardInput {
  const common = { subject: c.subject, prompt: c.prompt, answer: c.answer };
  switch (c.kind) {
    case "date":
      return { kind: "DATE", ...common, date: c.date };
    case "parties":
      return { kind: "PARTIES", ...common, parties: c.parties };
    case "term":
      return { kind: "TERM", ...common };
  }
}

export function previewImport(doc: ImportedDocument): ImportPreview {
  const { title, body } = splitFrontMatter(doc.text);
  const t0 = performance.now();
  const result = extractCards({ name: doc.name, text: body }, extractionRules());
  const cards: ProposedCard[] = result.cards.map((c) => ({
    ...toInput(c),
    key: c.id,
    quote: c.source.quote,
    start: c.source.start,
    end: c.source.end,
    citation: c.source.citation ?? null,
  }));
  return {
    document: { name: doc.name, title: suggestTitle(doc.name, body, title), text: body },
    cards,
    skipped: result.skipped,
    elapsedMs: Math.round(performance.now() - t0),
  };
}

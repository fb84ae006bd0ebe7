// Import preview: a document's proposed cards (with their source quotes, how sure the
// extractor is, and which are proposed ticked), the passages the extractor refused with
// the reason, the dates it did not use and the subjects given conflicting dates. Stores nothing.
import type { CardInput, ImportPreview } from "@/lib/api/authoring";
import { extractCards } from "@/lib/extract/extract";
import { parseFrontMatter } from "@/lib/extract/frontmatter";
import { SELECT_CONFIDENCE, type Card, type Conflict, type ExtractResult } from "@/lib/extract/types";
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

/** "Treaty of Berlin: 1878 or 1926?": the subject and its competing answers, as a teacher would ask it. */
function conflictMessage({ subject, answers }: Pick<Conflict, "subject" | "answers">): string {
  return `${subject}: ${answers.slice(0, -1).join(", ")} or ${answers.at(-1)}?`;
}

/** The preview's view of an extraction: conflicting cards are offered but never proposed ticked, as the teacher must choose. */
export function proposeCards(result: ExtractResult): Pick<ImportPreview, "cards" | "skipped" | "unusedDates" | "conflicts"> {
  // A card has one subject, so it is part of one conflict at most.
  const conflictOf = new Map(result.conflicts.flatMap((c) => c.cardIds.map((id) => [id, conflictMessage(c)] as const)));
  return {
    cards: result.cards.map((c) => {
      const conflict = conflictOf.get(c.id) ?? null;
      return {
        ...toInput(c),
        key: c.id,
        quote: c.source.quote,
        start: c.source.start,
        end: c.source.end,
        citation: c.source.citation ?? null,
        confidence: c.confidence,
        rule: c.rule,
        selected: c.confidence >= SELECT_CONFIDENCE && conflict === null,
        conflict,
      };
    }),
    skipped: result.skipped,
    unusedDates: result.unusedDates,
    conflicts: result.conflicts.map(({ subject, answers }) => ({ subject, answers })),
  };
}

export function previewImport(doc: ImportedDocument): ImportPreview {
  const { title, body } = splitFrontMatter(doc.text);
  const t0 = performance.now();
  const result = extractCards({ name: doc.name, text: body }, extractionRules());
  const elapsedMs = Math.round(performance.now() - t0);
  return { document: { name: doc.name, title: suggestTitle(doc.name, body, title), text: body }, ...proposeCards(result), elapsedMs };
}

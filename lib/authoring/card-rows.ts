// A card as a teacher wrote or chose it → the Card row's fields. Provenance is checked
// against the stored document: the quote always comes from the source text itself.
import type { CardInput, EditCard } from "@/lib/api/authoring";
import { DomainError } from "@/lib/api/errors";
import type { CardInput as CardRow } from "@/lib/decks/load";
import type { CardKind, Prisma } from "@/lib/generated/prisma/client";

/** A content-deck card's row fields (lib/decks/load.ts) without its id: authored cards get theirs on insert. */
export type CardFields = Omit<CardRow, "id">;

/** The structured answer the quiz reads (lib/quiz/types.ts): {date}, {parties}, {term, definition}. */
function dataOf(kind: CardKind, subject: string, answer: string, extra: { date?: object; parties?: string[] }): Prisma.InputJsonObject {
  switch (kind) {
    case "DATE":
      return { date: extra.date as Prisma.InputJsonObject };
    case "PARTIES":
      return { parties: extra.parties ?? [] };
    case "TERM":
      return { term: subject, definition: answer };
    case "BASIC":
      return {};
  }
}

function provenanceOf(card: CardInput, sourceText: string | null, where: string) {
  const citation = card.citation?.trim() || null;
  if (card.start !== undefined || card.end !== undefined) {
    const { start, end } = card;
    if (sourceText === null) throw new DomainError("validation_failed", `${where}: start/end refer to a document, and this deck has none`);
    if (start === undefined || end === undefined || end <= start || end > sourceText.length) {
      throw new DomainError("validation_failed", `${where}: start and end must mark a passage of the document (0–${sourceText.length})`);
    }
    const quote = sourceText.slice(start, end);
    if (card.quote !== undefined && card.quote !== quote) throw new DomainError("validation_failed", `${where}: quote does not match the document at start–end`);
    return { quote, start, end, citation };
  }
  const quote = card.quote?.trim() ?? "";
  // A quote found in the deck's document gets its offsets, so its context can be shown.
  const at = quote && sourceText ? sourceText.indexOf(quote) : -1;
  return at >= 0 ? { quote, start: at, end: at + quote.length, citation } : { quote, start: 0, end: 0, citation };
}

export function cardFields(card: CardInput, sourceText: string | null, where = "card"): CardFields {
  const subject = card.kind === "BASIC" ? card.prompt : card.subject;
  return {
    kind: card.kind,
    subject,
    prompt: card.prompt,
    answer: card.answer,
    data: dataOf(card.kind, subject, card.answer, {
      date: card.kind === "DATE" ? card.date : undefined,
      parties: card.kind === "PARTIES" ? card.parties : undefined,
    }),
    ...provenanceOf(card, sourceText, where),
  };
}

type Stored = { kind: CardKind; subject: string; prompt: string; answer: string; data: Prisma.JsonValue };

/** An edit applied to a stored card: kind and provenance stay; structured data follows the wording. */
export function editedFields(card: Stored, edit: EditCard): Pick<CardFields, "subject" | "prompt" | "answer" | "data"> {
  if (edit.date && card.kind !== "DATE") throw new DomainError("validation_failed", "date: only a date card has a date");
  if (edit.parties && card.kind !== "PARTIES") throw new DomainError("validation_failed", "parties: only a parties card has parties");
  const prompt = edit.prompt ?? card.prompt;
  const answer = edit.answer ?? card.answer;
  // A plain card's front is its subject.
  const subject = card.kind === "BASIC" ? prompt : (edit.subject ?? card.subject);
  const old = (card.data ?? {}) as { date?: object; parties?: string[] };
  return { subject, prompt, answer, data: dataOf(card.kind, subject, answer, { date: edit.date ?? old.date, parties: edit.parties ?? old.parties }) };
}

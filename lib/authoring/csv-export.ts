// A deck's live cards as CSV: front, back, kind, source quote, citation.
import type { CardKind } from "@/lib/generated/prisma/client";
import { CSV_COLUMNS, encodeCell } from "./csv-format";

export type CsvCard = { kind: CardKind; prompt: string; answer: string; quote: string; citation: string | null };

export function deckCsv(cards: readonly CsvCard[]): string {
  const rows = cards.map((c) => [c.prompt, c.answer, c.kind.toLowerCase(), c.quote, c.citation ?? ""].map(encodeCell).join(","));
  return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}

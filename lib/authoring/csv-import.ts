// Deck CSV → proposed cards, one bad row at a time: each bad row is reported with its
// line number and the rest of the file still comes through.
import { cardInputSchema, type CardInput, type CsvPreview, type CsvRowError } from "@/lib/api/authoring";
import { DomainError, describeZodError } from "@/lib/api/errors";
import { findDates } from "@/lib/extract/dates";
import { CSV_COLUMNS, decodeCell, type CsvColumn } from "./csv-format";
import { csvRecords } from "./csv-records";
import { readDocument } from "./document";

const KINDS = { date: "DATE", parties: "PARTIES", term: "TERM", basic: "BASIC", "": "BASIC" } as const;
const REQUIRED: CsvColumn[] = ["front", "back"];

/** "the Soviet Union and Germany", "France, Italy and Japan", "A; B" → the names. */
const splitParties = (answer: string) => answer.split(/\s*;\s*|\s*,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.trim()).filter(Boolean);

function rowCard(cell: (c: CsvColumn) => string): CardInput | string {
  const front = cell("front").trim();
  const back = cell("back").trim();
  const kindText = cell("kind").trim().toLowerCase();
  if (!front) return "front is empty";
  if (!back) return "back is empty";
  if (!(kindText in KINDS)) return `kind "${cell("kind")}" is not one of date, parties, term, basic`;
  const kind = KINDS[kindText as keyof typeof KINDS];
  const quote = cell("source quote").trim();
  const citation = cell("citation").trim();
  const common = { prompt: front, answer: back, ...(quote ? { quote } : {}), ...(citation ? { citation } : {}) };
  let candidate: unknown;
  if (kind === "DATE") {
    const date = findDates(back)[0]?.date;
    if (!date) return "a date card's back must contain a date (for example 14 May 1955)";
    candidate = { kind, subject: front, ...common, date };
  } else if (kind === "PARTIES") {
    candidate = { kind, subject: front, ...common, parties: splitParties(back) };
  } else if (kind === "TERM") {
    candidate = { kind, subject: front, ...common };
  } else {
    candidate = { kind, ...common };
  }
  const parsed = cardInputSchema.safeParse(candidate);
  return parsed.success ? parsed.data : describeZodError(parsed.error);
}

export function previewCsv(input: Uint8Array | string, name = "the CSV file"): CsvPreview {
  const { text } = readDocument(input, name);
  const records = csvRecords(text);
  const first = records.next();
  if (first.done) throw new DomainError("validation_failed", "line 1: the header row is missing.");
  if ("error" in first.value) throw new DomainError("validation_failed", `line 1: the header row cannot be read (${first.value.error}).`);
  const header = first.value.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new DomainError("validation_failed", `line 1: the header must name the columns ${CSV_COLUMNS.join(", ")} (missing: ${missing.join(", ")}).`);
  }
  const cards: CsvPreview["cards"] = [];
  const errors: CsvRowError[] = [];
  for (const rec of records) {
    if ("error" in rec) {
      errors.push({ line: rec.line, message: rec.error });
      continue;
    }
    if (rec.fields.length === 1 && rec.fields[0]!.trim() === "") continue;
    if (rec.fields.length !== header.length) {
      errors.push({ line: rec.line, message: `expected ${header.length} columns (${header.join(", ")}), found ${rec.fields.length}` });
      continue;
    }
    const cell = (c: CsvColumn) => {
      const at = header.indexOf(c);
      return at < 0 ? "" : decodeCell(rec.fields[at]!);
    };
    const card = rowCard(cell);
    if (typeof card === "string") errors.push({ line: rec.line, message: card });
    else cards.push({ ...card, line: rec.line });
  }
  return { cards, errors };
}

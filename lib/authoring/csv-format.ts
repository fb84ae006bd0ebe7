// The deck CSV format shared by export and import: a header row naming the columns,
// RFC 4180 quoting, UTF-8. Cells that a spreadsheet would run as a formula get a
// leading apostrophe on export, which import removes again, so a round trip is exact.

export const CSV_COLUMNS = ["front", "back", "kind", "source quote", "citation"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const FORMULA = /^[=+\-@\t\r]/;

export function encodeCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function decodeCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

// RFC 4180 records with the line each starts on, recovering from bad rows instead of
// failing the file: a record with an unbalanced or stray quote is reported and reading
// resumes on the line after the one it started on, so one bad quote cannot swallow the
// rows that follow it.

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

const STRAY_QUOTE = "unbalanced quote: a quote inside an unquoted field (put the field in double quotes and double the quote)";
const UNCLOSED = "unbalanced quote: a quoted field opens on this line and is never closed";
const AFTER_CLOSE = "unbalanced quote: text follows a closing quote (double a quote inside a quoted field)";

type Step = { fields: string[]; end: number } | { error: string; end: number };

/** The position after the line end following `from` (or the end of the text). */
function afterLine(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl < 0 ? text.length : nl + 1;
}

const isLineEnd = (text: string, i: number) => text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n");

function readRecord(text: string, start: number): Step {
  const fields: string[] = [];
  let i = start;
  for (;;) {
    if (text[i] === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return { error: UNCLOSED, end: afterLine(text, start) };
        if (text[j] === '"' && text[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (text[j] === '"') {
          j++;
          break;
        } else value += text[j++];
      }
      if (j < text.length && text[j] !== "," && !isLineEnd(text, j)) return { error: AFTER_CLOSE, end: afterLine(text, start) };
      fields.push(value);
      i = j;
    } else {
      let j = i;
      while (j < text.length && text[j] !== "," && !isLineEnd(text, j)) j++;
      const value = text.slice(i, j);
      if (value.includes('"')) return { error: STRAY_QUOTE, end: afterLine(text, start) };
      fields.push(value);
      i = j;
    }
    if (text[i] === ",") {
      i++;
      continue;
    }
    return { fields, end: i >= text.length ? i : afterLine(text, i) };
  }
}

export function* csvRecords(text: string): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const step = readRecord(text, i);
    yield "error" in step ? { line, error: step.error } : { line, fields: step.fields };
    for (let k = i; k < step.end; k++) if (text[k] === "\n") line++;
    i = step.end;
  }
}

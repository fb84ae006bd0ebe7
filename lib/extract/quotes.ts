import type { Span } from "./types";

/**
 * Quoted spans ("...", “...”, ‘...’, '...', «...») inside a range, including
 * the quote characters. Apostrophes ("Hungary’s", "People's") are told apart
 * from single quotes by their neighbours. An unmatched opening quote yields no
 * span: guessing where it ends would hide too much or too little.
 */
export function findQuotedSpans(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let dbl: number | null = null;
  let curly: number | null = null;
  let single: number | null = null;
  let guil: number | null = null;
  const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const isOpenCtx = (c: string | undefined) => c === undefined || /[\s(\[—–-]/.test(c);
  for (let i = start; i < end; i++) {
    const c = text[i];
    const prev = i > start ? text[i - 1] : undefined;
    const next = i + 1 < end ? text[i + 1] : undefined;
    switch (c) {
      case '"':
        if (dbl === null) {
          if (next !== undefined && !/\s/.test(next)) dbl = i;
        } else {
          out.push({ start: dbl, end: i + 1 });
          dbl = null;
        }
        break;
      case "“":
        curly = i;
        break;
      case "”":
        if (curly !== null) out.push({ start: curly, end: i + 1 });
        curly = null;
        break;
      case "‘":
        single = i;
        break;
      case "’":
      case "'":
        if (single !== null && !isLetter(next) && prev !== undefined && !/\s/.test(prev)) {
          out.push({ start: single, end: i + 1 });
          single = null;
        } else if (c === "'" && single === null && isOpenCtx(prev) && isLetter(next)) {
          single = i;
        }
        break;
      case "«":
        guil = i;
        break;
      case "»":
        if (guil !== null) out.push({ start: guil, end: i + 1 });
        guil = null;
        break;
      default:
        break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const CONNECTORS = new Set(["of", "the", "and", "for", "de", "la", "von", "in", "on", "&"]);

/** "Treaty of Rapallo": a quoted proper name is a name, not a quotation. */
export function isTitleCase(inner: string): boolean {
  const words = inner.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  if (!/^\p{Lu}/u.test(words[0] ?? "")) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w.toLowerCase()));
}

export const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

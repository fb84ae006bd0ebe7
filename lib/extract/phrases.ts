/**
 * Teacher-editable phrase lists become one regular expression each. Phrases are
 * literal text (escaped), so a teacher cannot write a slow pattern by accident;
 * a space matches any run of white space (the masked text keeps offsets by
 * replacing removed characters with spaces).
 */

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Regex source for one literal phrase (no boundaries: see `bounded`). */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map(escapeRe)
    .join("\\s+");
}

const WORDCH = /[\p{L}\p{N}]/u;

/**
 * Whole-word check done in code rather than with lookbehinds: a regex that
 * starts with a lookbehind cannot use V8's fast literal scan, which made a
 * 1 MB document ten times slower.
 */
export function bounded(text: string, index: number, match: string): boolean {
  if (WORDCH.test(match[0] ?? "") && WORDCH.test(text[index - 1] ?? "")) return false;
  if (WORDCH.test(match[match.length - 1] ?? "") && WORDCH.test(text[index + match.length] ?? "")) return false;
  return true;
}

/** Run a global regex over `text`, yielding only whole-word matches. */
export function* boundedMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (!bounded(text, m.index, m[0])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    yield m;
  }
}

export interface PhraseMatcher {
  /** The first match in `text`, or null. */
  find(text: string): { index: number; text: string } | null;
  /** Every match (non-overlapping). */
  all(text: string): { index: number; text: string }[];
}

/**
 * Build a matcher from literal phrases plus optional raw patterns. Longer
 * phrases come first so "entirely illegal" wins over "illegal".
 */
export function compilePhrases(phrases: readonly string[], patterns: readonly string[] = [], caseSensitive = false): PhraseMatcher {
  const sources = [...phrases]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(phraseSource)
    .concat(patterns.map((p) => `(?:${p})`));
  if (sources.length === 0) {
    return { find: () => null, all: () => [] };
  }
  const re = new RegExp(sources.join("|"), caseSensitive ? "gu" : "giu");
  return {
    find(text) {
      for (const m of boundedMatches(re, text)) return { index: m.index, text: m[0] };
      return null;
    },
    all(text) {
      return [...boundedMatches(re, text)].map((m) => ({ index: m.index, text: m[0] }));
    },
  };
}

/** Matches of any of the matchers, in text order, overlaps dropped (the earlier, then the longer, wins). */
export function anyOf(...matchers: readonly PhraseMatcher[]): PhraseMatcher {
  const all = (text: string) => {
    const ms = matchers.flatMap((m) => m.all(text)).sort((a, b) => a.index - b.index || b.text.length - a.text.length);
    const out: { index: number; text: string }[] = [];
    for (const m of ms) if (!out.length || m.index >= out[out.length - 1]!.index + out[out.length - 1]!.text.length) out.push(m);
    return out;
  };
  return { all, find: (text) => all(text)[0] ?? null };
}

export function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, "iu");
    return true;
  } catch {
    return false;
  }
}

import type { RuleSet } from "./rules";
import type { Span } from "./types";
import { findQuotedSpans, isTitleCase } from "./quotes";
import { PARENTHETICAL_CITATION } from "./citations";

/**
 * The "clean" text: same length as the original, with everything that must
 * never reach card text replaced by spaces (footnote markers, wiki/Markdown
 * debris, loaded qualifiers, scare quotes). Patterns run on the clean text, so
 * every match offset is also an offset into the original; `collapse` then
 * turns a clean slice into display text.
 */

const blank = (chars: string[], from: number, to: number) => {
  for (let i = from; i < to; i++) if (chars[i] !== "\n") chars[i] = " ";
};

function maskRe(src: string, chars: string[], re: RegExp, group?: (m: RegExpExecArray) => Span[]) {
  re.lastIndex = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const spans = group ? group(m) : [{ start: m.index, end: m.index + m[0].length }];
    for (const s of spans) blank(chars, s.start, s.end);
  }
}

export interface CleanOptions {
  /** Paragraph/item ranges inside which quotes are paired. */
  units: readonly Span[];
}

export function buildCleanText(text: string, rules: RuleSet, opts: CleanOptions): string {
  // split("") is per UTF-16 code unit, so indices match the string's offsets.
  const chars = text.split("");
  // Parenthetical citations "(Taylor, 1954, p. 266)": provenance, not text.
  maskRe(text, chars, new RegExp(PARENTHETICAL_CITATION.source, "gu"));
  // Footnote markers: "[8]", "[^note]".
  maskRe(text, chars, /\[(?:\d{1,3}|\^[\w-]{1,20})\](?!\()/g);
  // Markdown links: keep the link text, drop brackets and URL.
  maskRe(text, chars, /\[([^\[\]\n]{1,200})\]\(([^()\s]{0,500})\)/g, (m) => [
    { start: m.index, end: m.index + 1 },
    { start: m.index + 1 + (m[1]?.length ?? 0), end: m.index + m[0].length },
  ]);
  // Wiki links [[target|label]] keep the label; editorial insertions and debris
  // with a lower-case start ("[military]", "[[illegal]") are dropped whole.
  maskRe(text, chars, /\[\[([^\[\]|\n]{1,100})\|([^\[\]\n]{1,100})\]\]/g, (m) => [
    { start: m.index, end: m.index + 3 + (m[1]?.length ?? 0) },
    { start: m.index + m[0].length - 2, end: m.index + m[0].length },
  ]);
  maskRe(text, chars, /\[\[?[a-z][^\[\]\n]{0,40}\]\]?/g);
  maskRe(text, chars, /[\[\]{}|*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu);
  // Loaded qualifiers, with a dangling "and" ("the so-called and illegal X",
  // "the so-called and Polish X").
  const qs = rules.qualifiers.all(text);
  qs.forEach((q, i) => {
    let end = q.index + q.text.length;
    const tail = /^\s+and\s+/.exec(text.slice(end, end + 8));
    const next = qs[i + 1];
    if (tail && (/^\p{Lu}/u.test(text.slice(end + tail[0].length, end + tail[0].length + 1)) || next?.index === end + tail[0].length)) {
      end += tail[0].length;
    }
    blank(chars, q.index, end);
  });
  // Scare quotes go; a quoted proper name keeps its words; long quotations are
  // masked too (their sentences are skipped anyway).
  for (const u of opts.units) {
    for (const q of findQuotedSpans(text, u.start, u.end)) {
      const inner = text.slice(q.start + 1, q.end - 1);
      if (isTitleCase(inner)) {
        blank(chars, q.start, q.start + 1);
        blank(chars, q.end - 1, q.end);
      } else {
        blank(chars, q.start, q.end);
      }
    }
  }
  return chars.join("");
}

/** Display text from a clean slice: single spaces, no space before punctuation, no dangling commas. */
export function collapse(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/\(\s*\)/g, "")
    .replace(/\s+([,.;:)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/,(?=[^\s\d])/g, ", ")
    .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
    .replace(/\s+/g, " ")
    // A stripped qualifier can leave an article doubled ("the so-called the ...").
    .replace(/\b(the|a|an) \1\b/gi, "$1")
    .trim()
    .replace(/^[,;:\s]+|[,;:\s]+$/g, "");
}

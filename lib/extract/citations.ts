import { firstStartingFrom } from "./spans";
import type { Span } from "./types";

/**
 * Footnote markers ("[8]", "[^8]") resolved against the reference list at the
 * end of the document. Reference lines look like "  8. Grenville, 1974, p.140.",
 * "[8] ...", or Markdown "[^8]: ...".
 *
 * Which marker covers a sentence: markers inside the quote (or glued to its
 * end, "1921.[8].") first; otherwise the next marker group later in the same
 * paragraph or list item, following the wiki convention that a footnote at the
 * end of a paragraph covers the sentences before it.
 */

export interface Marker extends Span {
  id: string;
}

export interface CitationIndex {
  references: Map<string, string>;
  markers: Marker[];
}

const MARKER_RE = /\[(\d{1,3})\]|\[\^([\w-]{1,20})\](?!:)/g;
const REF_LINE_RE = /^[ \t]*(?:\[(\d{1,3})\]|(\d{1,3})[.)]|\[\^([\w-]{1,20})\]:)[ \t]*(\S.*?)[ \t]*$/gm;

/**
 * Reference text without its trailing full stop and without commentary: a
 * footnote often goes on after the reference ("Grenville, 1974, p. 139. The
 * author rightly calls it …"); the card's citation is the reference only, so
 * we keep it up to the last page, year or publisher part of its first sentences.
 */
export function tidy(s: string): string {
  const plain = s.replace(/(\*{1,2}|_{1,2})(\S[^*_]*?)\1/g, "$2").trim();
  // Sentences of the note; a reference sentence has a year or a page, or is short.
  const parts = plain.split(/(?<=[.!?])\s+(?=[\p{Lu}"“‘(])/u);
  const kept: string[] = [];
  for (const p of parts) {
    const bibliographic = /\b(?:1[5-9]\d\d|20\d\d)\b|\bpp?\.\s?\d|\bvol\.|\bed(?:s|ited)?\.?\b|\bpress\b|\bibid\b|https?:/i.test(p);
    if (kept.length > 0 && !bibliographic) break;
    if (kept.length === 0 && !bibliographic && p.split(/\s+/).length > 14) break;
    kept.push(p);
    if (bibliographic && /\bpp?\.\s?\d+(?:[–-]\d+)?\.?$/.test(p)) break;
  }
  return (kept.length ? kept.join(" ") : plain).trim().replace(/\.$/, "").trim();
}

/**
 * Parenthetical citations: "(Taylor, 1954, p. 266)", "(Joll 1984: 45)", "(see
 * Clark, 2012; Joll, 1984)". They cite the sentence they close; their year and
 * page are not facts or figures of the text.
 */
export const PARENTHETICAL_CITATION =
  /\((?:see |cf\. |e\.g\. )?\p{Lu}[\p{L}'’-]+(?:(?: and | & |, )\p{Lu}[\p{L}'’-]+)*(?: et al\.?)?,? (?:1[5-9]\d\d|20\d\d)[a-z]?(?:(?:, |: )(?:pp?\. ?)?\d+(?:[–-]\d+)?)?(?:; ?\p{Lu}[\p{L}'’-]+(?: et al\.?)?,? (?:1[5-9]\d\d|20\d\d)[a-z]?(?:(?:, |: )(?:pp?\. ?)?\d+(?:[–-]\d+)?)?)*\)/gu;

/** The parenthetical citations inside a span, as written without their brackets. */
export function parentheticalCitations(text: string, span: Span): string[] {
  const out: string[] = [];
  for (const m of text.slice(span.start, span.end).matchAll(PARENTHETICAL_CITATION)) out.push(m[0].slice(1, -1).replace(/^(?:see|cf\.|e\.g\.)\s+/, ""));
  return out;
}

export function buildCitationIndex(text: string, bodyEnd: number): CitationIndex {
  const references = new Map<string, string>();
  // Markdown footnote definitions count wherever they are; numbered lines only
  // in the back matter (in the body they are ordinary numbered lists).
  REF_LINE_RE.lastIndex = 0;
  for (let m = REF_LINE_RE.exec(text); m; m = REF_LINE_RE.exec(text)) {
    const id = m[1] ?? m[2] ?? m[3];
    const body = m[4];
    if (!id || !body) continue;
    const isFootnoteDef = m[3] !== undefined;
    if (!isFootnoteDef && m.index < bodyEnd) continue;
    if (!references.has(id)) references.set(id, tidy(body));
  }
  // No back-matter heading: accept a trailing run of numbered lines as the list.
  if (bodyEnd === text.length && references.size === 0) {
    const tail = trailingReferenceBlock(text);
    if (tail) for (const [id, body] of tail.refs) references.set(id, body);
  }
  const markers: Marker[] = [];
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m && m.index < bodyEnd; m = MARKER_RE.exec(text)) {
    const id = m[1] ?? m[2];
    if (id) markers.push({ id, start: m.index, end: m.index + m[0].length });
  }
  return { references, markers };
}

/** The last block of the text if every line in it is a numbered reference line. */
export function trailingReferenceBlock(text: string): { start: number; refs: Map<string, string> } | null {
  const trimmed = text.replace(/\s+$/, "");
  const gap = trimmed.lastIndexOf("\n\n");
  const blockStart = gap < 0 ? 0 : gap + 2;
  const block = trimmed.slice(blockStart);
  const refs = new Map<string, string>();
  for (const line of block.split("\n")) {
    const m = /^[ \t]*(?:\[(\d{1,3})\]|(\d{1,3})[.)])[ \t]+(\S.*?)[ \t]*$/.exec(line);
    const id = m?.[1] ?? m?.[2];
    if (!m || !id || !m[3] || !/\p{L}/u.test(m[3])) return null;
    refs.set(id, tidy(m[3]));
  }
  return refs.size > 0 && /\[\d{1,3}\]/.test(text.slice(0, blockStart)) ? { start: blockStart, refs } : null;
}

export interface CitationResult {
  citation?: string;
  /** A marker was present but none of its numbers resolved. */
  unresolved: boolean;
}

/** Resolve the markers covering `sentence` within `unit`. */
export function citationFor(index: CitationIndex, sentence: Span, unit: Span): CitationResult {
  const { markers } = index;
  const group: Marker[] = [];
  for (let i = firstStartingFrom(markers, sentence.start); i < markers.length; i++) {
    const m = markers[i];
    if (!m || m.end > sentence.end) break;
    group.push(m);
  }
  if (group.length === 0) {
    // Adjacent markers after the sentence form one group: "[16][17]".
    for (let i = firstStartingFrom(markers, sentence.end); i < markers.length; i++) {
      const m = markers[i];
      if (!m || m.end > unit.end) break;
      const prev = group[group.length - 1];
      if (prev && m.start - prev.end > 1) break;
      group.push(m);
    }
  }
  if (group.length === 0) return { unresolved: false };
  const texts = [...new Set(group.map((m) => index.references.get(m.id)).filter((t): t is string => !!t))];
  if (texts.length === 0) return { unresolved: true };
  return { citation: texts.join("; "), unresolved: false };
}

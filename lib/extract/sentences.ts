import type { Span } from "./types";
import { MONTH_WORD } from "./dates";

/**
 * Segmentation with offsets into the original text. Nothing is copied or
 * normalised here, so every span can be sliced back out of the document
 * (quote === text.slice(start, end)).
 *
 * Layout: blank lines separate blocks; inside a block a line is a Markdown
 * heading, a list item (•, -, *, +, "1."), an infobox field ("Key: value" with
 * a known key), a block quote ("> "), or prose. Consecutive prose lines form
 * one paragraph. The document body ends at the first back-matter heading
 * ("See also", "References", ...): bibliographies and reference lists are not
 * material for cards.
 */

export type UnitKind = "paragraph" | "item" | "heading" | "field" | "blockquote" | "row";

export interface Unit extends Span {
  kind: UnitKind;
  block: number;
  sentences: Span[];
  /** For fields: the key, lower-cased. */
  key?: string;
  /** For fields: where the value starts. */
  valueStart?: number;
  /** For table rows: the cells, and the header of each cell's column (lower-cased). */
  cells?: Span[];
  columns?: string[];
}

export interface Layout {
  units: Unit[];
  /** Start of back matter (reference lists), or text.length. */
  bodyEnd: number;
}

export interface LayoutOptions {
  backMatterHeadings: ReadonlySet<string>;
  fieldKeys: ReadonlySet<string>;
}

interface Line extends Span {
  /** Offset of the first non-space character. */
  contentStart: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = text.length;
    let end = nl;
    while (end > pos && /\s/.test(text[end - 1] ?? "")) end--;
    let cs = pos;
    while (cs < end && /\s/.test(text[cs] ?? "")) cs++;
    out.push({ start: pos, end, contentStart: cs });
    pos = nl + 1;
  }
  return out;
}

const ITEM_RE = /^(?:[-*+•‣◦▪●]|\d{1,3}[.)])[ \t]+(?=\S)/;
const HEADING_RE = /^#{1,6}[ \t]+(?=\S)/;
const FIELD_RE = /^([A-Z][A-Za-z ()'/-]{0,40}?)[ \t]*:[ \t]+(?=\S)/;
const FOOTNOTE_DEF_RE = /^\[\^[\w-]{1,20}\]:/;
const TABLE_RULE_RE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
// A chronology line: a date (or year) first, then a separator and the event
// ("1957 – Treaty of Rome signed", "8 August 1967: ASEAN founded"). Each is
// its own unit even without blank lines between them.
const TIMELINE_RE =
  /^(?:c\.\s?|AD\s?|ca\.\s?)?(?=[\dA-Z])(?=[^:\n]{0,40}\d)[\dA-Za-z][\w.,'’ –—-]{0,40}?\d{2,4}(?:\s?(?:AD|BC|BCE|CE))?\s*(?:[:–—|]|-\s|,\s)\s*\S/;

// A line that starts with a date, whatever follows ("1910 Japan annexes Korea", "1868 (April) Charter
// Oath", "5 September 1905. Treaty of Portsmouth", "1871<tab>Abolition of the han system"). Alone this
// is too weak (a hard-wrapped paragraph can put a year first on a line); in a block where most lines
// start so, it marks a chronology whose lines are units of their own.
const DATE_PREFIX =
  `(?:c\\.\\s?|ca\\.\\s?|circa\\s|AD\\s?)?` +
  `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}\\.?,?\\s+|${MONTH_WORD}\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?)?` +
  `\\d{3,4}(?:-\\d{2}-\\d{2})?(?:\\s?(?:AD|BC|BCE|CE))?(?:\\s?[–—/-]\\s?\\d{2,4})?`;
const DATED_LINE_RE = new RegExp(`^${DATE_PREFIX}(?=[\\s:.,;–—|(-]|$)`);
const DATE_FIRST_RE = new RegExp(`^(?:(?:c\\.|ca\\.|circa|AD|the|of|early|late|mid|spring|summer|autumn|winter|${MONTH_WORD})\\.?[\\s,–—-]*)*\\d`, "i");
/** "5 September 1905." alone: a chronology line's date, not a sentence. */
const DATE_ONLY_RE = new RegExp(`^${DATE_PREFIX}\\.?$`);

/** Per line: is it in a block where at least two lines, and at least half of them, start with a date? */
function chronologyLines(all: readonly Line[], text: string): boolean[] {
  const out: boolean[] = new Array<boolean>(all.length).fill(false);
  let from = 0;
  const close = (to: number) => {
    const contents = all.slice(from, to).map((l) => text.slice(l.contentStart, l.end));
    const dated = contents.filter((c) => DATED_LINE_RE.test(c)).length;
    if (dated >= 2 && dated * 2 >= contents.length) for (let i = from; i < to; i++) out[i] = true;
  };
  all.forEach((l, i) => {
    if (l.contentStart === l.end) {
      close(i);
      from = i + 1;
    }
  });
  close(all.length);
  return out;
}

// A question and its answer on one line: "Q: When was it signed? A: On 10 April 1998.", "What is X? – A …".
const QA_LINE_RE = /^(?:Q\s*[:.]\s*)?(?:What|When|Who|Which|How|Where|Why|In (?:which|what))\b[^?\n]{2,200}\?\s*(?:A\s*[:.]|[–—-])\s+\S/;

// A glossary line: "villein – a peasant who …", "ECSC = European Coal and Steel Community".
// (Two spaced dashes in one line enclose an apposition in prose: "The Schlieffen Plan – a strategy … – failed".)
const GLOSSARY_RE = /^(?!.*\s[–—]\s.*\s[–—]\s)(?:\*\*)?[\p{L}][\p{L}'’ -]{1,50}?(?:\*\*)?(?:\s[–—=]\s\S|\s*\([^)\n]{1,40}\):\s+\S)/u;

/** Cells of a Markdown table row, as spans of their trimmed content. */
function tableCells(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let a = start;
  if (text[a] === "|") a++;
  for (let i = a; i <= end; i++) {
    if (i === end || (text[i] === "|" && text[i - 1] !== "\\")) {
      let s = a;
      let e = i;
      while (s < e && /\s/.test(text[s] ?? "")) s++;
      while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
      if (i < end || e > s) cells.push({ start: s, end: e });
      a = i + 1;
    }
  }
  return cells;
}

const headingText = (s: string): string =>
  s
    .replace(/^#{1,6}\s*/, "")
    .replace(/[:\s]+$/, "")
    .trim()
    .toLowerCase();

export function layout(text: string, opts: LayoutOptions): Layout {
  const units: Unit[] = [];
  let block = 0;
  let bodyEnd = text.length;
  let para: Unit | null = null;
  let item: Unit | null = null;
  let prevBlank = true;
  let columns: string[] = [];

  const flush = () => {
    para = null;
    item = null;
  };

  const all = lines(text);
  const chronology = chronologyLines(all, text);
  for (const [index, line] of all.entries()) {
    const content = text.slice(line.contentStart, line.end);
    if (content.length === 0) {
      if (!prevBlank) block++;
      prevBlank = true;
      flush();
      continue;
    }
    prevBlank = false;
    if (opts.backMatterHeadings.has(headingText(content))) {
      bodyEnd = line.start;
      break;
    }
    if (FOOTNOTE_DEF_RE.test(content)) {
      flush();
      continue;
    }
    if (content.startsWith("|") || (TABLE_RULE_RE.test(content) && content.includes("|"))) {
      flush();
      if (TABLE_RULE_RE.test(content)) {
        // The row above was the header: it names the columns, it is not data.
        const header = units[units.length - 1];
        if (header?.kind === "row") {
          columns = (header.cells ?? []).map((c) => text.slice(c.start, c.end).replace(/[*_`]/g, "").trim().toLowerCase());
          units.pop();
        }
        continue;
      }
      const cells = tableCells(text, line.contentStart, line.end);
      units.push({ kind: "row", start: line.contentStart, end: line.end, block, sentences: [], cells, columns });
      continue;
    }
    columns = [];
    const heading = HEADING_RE.exec(content);
    if (heading) {
      flush();
      units.push({ kind: "heading", start: line.contentStart + heading[0].length, end: line.end, block, sentences: [] });
      continue;
    }
    if (content.startsWith(">")) {
      flush();
      const s = line.contentStart + (/^>\s*/.exec(content)?.[0].length ?? 1);
      if (s < line.end) units.push({ kind: "blockquote", start: s, end: line.end, block, sentences: [] });
      continue;
    }
    const bullet = ITEM_RE.exec(content);
    // ("The Suez Crisis, 1956: facts and sources" is a title: only month names and eras come before a chronology line's year.)
    const dated = (TIMELINE_RE.test(content) && DATE_FIRST_RE.test(content)) || (chronology[index] === true && DATED_LINE_RE.test(content));
    if (!bullet && (dated || GLOSSARY_RE.test(content) || QA_LINE_RE.test(content))) {
      flush();
      units.push({ kind: "item", start: line.contentStart, end: line.end, block, sentences: [] });
      continue;
    }
    if (bullet) {
      flush();
      item = { kind: "item", start: line.contentStart + bullet[0].length, end: line.end, block, sentences: [] };
      units.push(item);
      continue;
    }
    // Any short "Key: value" line is a field (an infobox row); only keys listed
    // in events.json produce cards, the others are simply not prose.
    const field = FIELD_RE.exec(content);
    const key = (field?.[1] ?? "").trim().toLowerCase();
    if (field && (opts.fieldKeys.has(key) || (key.split(/\s+/).length <= 3 && content.length <= 160))) {
      flush();
      units.push({
        kind: "field",
        start: line.contentStart,
        end: line.end,
        block,
        sentences: [],
        key,
        valueStart: line.contentStart + field[0].length,
      });
      continue;
    }
    // An indented line right after a list item continues that item.
    const current: Unit | null = item;
    if (current !== null && line.contentStart > line.start) {
      current.end = line.end;
      continue;
    }
    item = null;
    const p: Unit | null = para;
    if (p !== null) {
      p.end = line.end;
    } else {
      para = { kind: "paragraph", start: line.contentStart, end: line.end, block, sentences: [] };
      units.push(para);
    }
  }

  for (const u of units) u.sentences = u.kind === "row" ? [{ start: u.start, end: u.end }] : splitSentences(text, u.start, u.end);
  return { units, bodyEnd };
}

const ABBREVIATIONS = new Set(
  "mr mrs ms dr st prof gen col capt lt sgt rev hon jr sr no nos vol vols vs etc cf approx ca c p pp mt ft fig jan feb mar apr jun jul aug sep sept oct nov dec"
    .split(" "),
);

/** Is the "." at `dot` the end of an abbreviation rather than of a sentence? */
function isAbbreviation(text: string, from: number, dot: number): boolean {
  let i = dot;
  while (i > from && /[\p{L}.]/u.test(text[i - 1] ?? "")) i--;
  const word = text.slice(i, dot);
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. A. S. Grenville"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S.S.R", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}

const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»"]);

/**
 * Sentence spans inside [start, end). A sentence ends at . ! or ? (plus any
 * closing quotes/brackets and footnote markers such as "[8]") when the next
 * text starts with a capital letter, an opening quote or a dash. A following
 * digit does not start a sentence ("since August 1939. 30 July 1941."). A line
 * break also ends a sentence before an attribution line ("—Author") or after a
 * short unpunctuated line (a title in plain text).
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let sentStart = start;
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a] ?? "")) a++;
    while (b > a && /\s/.test(text[b - 1] ?? "")) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === "\n") {
      let k = i + 1;
      while (k < end && /[ \t]/.test(text[k] ?? "")) k++;
      const next = text[k] ?? "";
      const lineStart = text.lastIndexOf("\n", i - 1) + 1;
      const prevLine = text.slice(Math.max(lineStart, sentStart), i).trim();
      const attribution = /[—―]/.test(next) || text.startsWith("--", k);
      const titleLike = prevLine.length > 0 && prevLine.length <= 80 && !/[.!?:;,]$/.test(prevLine) && /[\p{Lu}\d]/u.test(next);
      if (attribution || titleLike) {
        push(sentStart, i);
        sentStart = k;
      }
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?") continue;
    let j = i + 1;
    for (;;) {
      const c = text[j];
      if (j >= end || c === undefined) break;
      if (CLOSERS.has(c)) {
        j++;
        continue;
      }
      if (c === "[") {
        const marker = /^\[\d{1,3}\]/.exec(text.slice(j, j + 6));
        if (marker) {
          j += marker[0].length;
          continue;
        }
      }
      if (c === "." && j === i + 1) {
        j++;
        continue;
      }
      if (c === "." && text[j - 1] === "]") {
        j++;
        continue;
      }
      break;
    }
    if (j < end && !/\s/.test(text[j] ?? "")) continue; // "p.140", "U.S.S.R.)"
    let k = j;
    while (k < end && /\s/.test(text[k] ?? "")) k++;
    if (k < end) {
      const next = text[k] ?? "";
      if (!/[\p{Lu}"“‘'(—―*_]/u.test(next)) continue;
      if (ch === "." && isAbbreviation(text, sentStart, i)) continue;
      if (ch === "." && DATE_ONLY_RE.test(text.slice(sentStart, i).trim())) continue;
    }
    push(sentStart, j);
    sentStart = k;
    i = k - 1;
  }
  push(sentStart, end);
  return out;
}

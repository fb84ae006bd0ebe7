// Footnote markers ("[1]") left in quotes from the source: the deck page links each to the
// card's citation rather than showing raw brackets (issue 15).

export type QuotePart = { text: string } | { marker: string };

/** `text` split into plain runs and footnote markers ("[1]", "[12]"); the marker is the number. */
export function splitFootnotes(text: string): QuotePart[] {
  const parts: QuotePart[] = [];
  let last = 0;
  for (const m of text.matchAll(/\[(\d{1,3})\]/g)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ marker: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

// A card's quote with some of the surrounding source text, for "where did this come from".
export function quoteInContext(text: string, start: number, end: number, around = 160) {
  if (start < 0 || end > text.length || start >= end) return null;
  const from = Math.max(0, start - around);
  const to = Math.min(text.length, end + around);
  return {
    before: (from > 0 ? "…" : "") + text.slice(from, start),
    quote: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? "…" : ""),
  };
}

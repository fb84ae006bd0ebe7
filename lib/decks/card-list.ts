// A deck's card list as the deck page shows it: searched and split into pages (issue 15: the
// 90-card deck was one 22,000 px page).

/** Cards per page of the deck page. */
export const CARDS_PER_PAGE = 20;

type Searchable = { subject: string; prompt: string; answer: string; quote: string };

/** Cards whose subject, prompt, answer or quote contain every word of `query` (any case and accents). */
export function searchCards<C extends Searchable>(cards: readonly C[], query: string): C[] {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...cards];
  return cards.filter((c) => {
    const text = fold(`${c.subject}\n${c.prompt}\n${c.answer}\n${c.quote}`);
    return words.every((w) => text.includes(w));
  });
}

/** Page `page` (1-based, clamped to what exists) of `items`. */
export function pageOf<T>(items: readonly T[], page: number, size = CARDS_PER_PAGE): { items: T[]; page: number; pages: number; first: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(pages, Math.max(1, Number.isInteger(page) ? page : 1));
  const first = (at - 1) * size;
  return { items: items.slice(first, first + size), page: at, pages, first };
}

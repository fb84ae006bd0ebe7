// The curated decks in content/decks/*.json (built by `npm run content`), loaded into the
// database at start and in tests.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "@/lib/config/root";
import { deckFileSchema, type DeckFile } from "@/lib/extract/deck-file";
import { parseFrontMatter } from "@/lib/extract/frontmatter";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDeck, type CardInput, type DeckInput, type LoadResult } from "./load";

export const CONTENT_DECKS_DIR = path.join(ROOT, "content/decks");
export const CONTENT_SOURCES_DIR = path.join(ROOT, "content/sources");

const KIND = { date: "DATE", parties: "PARTIES", term: "TERM" } as const;

/** `sourceText`: the source body the card offsets refer to (content/sources/<slug>.md after front matter). */
export function toDeckInput(file: DeckFile, sourceText: string): DeckInput {
  const cards: CardInput[] = file.cards.map((c) => ({
    id: c.id,
    kind: KIND[c.kind],
    subject: c.subject,
    prompt: c.prompt,
    answer: c.answer,
    data:
      c.kind === "date" ? { date: c.date } : c.kind === "parties" ? { parties: c.parties } : { term: c.term, definition: c.definition },
    quote: c.source.quote,
    start: c.source.start,
    end: c.source.end,
    citation: c.source.citation ?? null,
  }));
  const s = file.source;
  return {
    slug: file.slug,
    title: file.title,
    source: { slug: s.slug, title: s.title, origin: s.origin, reliability: s.reliability, note: s.note, text: sourceText },
    cards,
  };
}

export function readContentDecks(dir = CONTENT_DECKS_DIR): DeckFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const parsed = deckFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
      if (!parsed.success) throw new Error(`content/decks/${f} is not a valid deck file: ${parsed.error.message}`);
      return parsed.data;
    });
}

function sourceBody(slug: string, dir = CONTENT_SOURCES_DIR): string {
  return parseFrontMatter(fs.readFileSync(path.join(dir, `${slug}.md`), "utf8")).body;
}

export async function loadContentDecks(db: PrismaClient, dir = CONTENT_DECKS_DIR): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const deck of readContentDecks(dir)) results.push(await loadDeck(db, toDeckInput(deck, sourceBody(deck.source.slug))));
  return results;
}

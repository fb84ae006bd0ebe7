// Loads decks into the database idempotently: a second run with the same input writes
// nothing; a card whose text changed keeps its id (and every learner's progress); a card
// gone from its source is retired, keeping its review history.
import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CardKind, Prisma } from "@/lib/generated/prisma/client";

export type CardInput = {
  id: string;
  kind: CardKind;
  subject: string;
  prompt: string;
  answer: string;
  data: Prisma.InputJsonObject;
  quote: string;
  start: number;
  end: number;
  citation: string | null;
};

export type DeckInput = {
  slug: string;
  title: string;
  source: { slug: string; title: string; origin: string; reliability: string; note: string; text: string };
  cards: CardInput[];
};

export type LoadResult = { slug: string; deckId: string; cards: number; created: number; updated: number; retired: number };

const FIELDS = ["kind", "subject", "prompt", "answer", "quote", "start", "end", "citation"] as const;

function sameCard(a: CardInput & { position: number }, b: Record<string, unknown>): boolean {
  return (
    FIELDS.every((f) => a[f] === b[f]) &&
    a.position === b.position &&
    b.retiredAt === null &&
    // jsonb does not keep key order, so compare structurally.
    isDeepStrictEqual(a.data, b.data)
  );
}

export async function loadDeck(db: PrismaClient, input: DeckInput): Promise<LoadResult> {
  // One transaction per deck, with room: Prisma's default 5 s made `npm start` fail on a loaded
  // machine (7 s for the 86-card deck while other builds ran).
  return db.$transaction(async (tx) => {
    const s = input.source;
    const existingSource = await tx.source.findUnique({ where: { slug: s.slug } });
    const source =
      existingSource &&
      existingSource.title === s.title &&
      existingSource.origin === s.origin &&
      existingSource.reliability === s.reliability &&
      existingSource.note === s.note &&
      existingSource.text === s.text
        ? existingSource
        : await tx.source.upsert({ where: { slug: s.slug }, create: s, update: s });

    let deck = await tx.deck.findUnique({ where: { slug: input.slug } });
    if (!deck) {
      deck = await tx.deck.create({ data: { slug: input.slug, title: input.title, sourceId: source.id, status: "PUBLISHED" } });
    } else if (deck.title !== input.title || deck.sourceId !== source.id) {
      deck = await tx.deck.update({ where: { id: deck.id }, data: { title: input.title, sourceId: source.id } });
    }

    const existing = new Map((await tx.card.findMany({ where: { deckId: deck.id } })).map((c) => [c.id, c]));
    let created = 0;
    let updated = 0;
    for (const [position, card] of input.cards.entries()) {
      const row = { ...card, position };
      const old = existing.get(card.id);
      if (!old) {
        await tx.card.create({ data: { ...row, deckId: deck.id } });
        created++;
      } else if (!sameCard(row, old as unknown as Record<string, unknown>)) {
        await tx.card.update({ where: { id: card.id }, data: { ...row, retiredAt: null } });
        updated++;
      }
    }
    const keep = new Set(input.cards.map((c) => c.id));
    const gone = [...existing.values()].filter((c) => !keep.has(c.id) && c.retiredAt === null).map((c) => c.id);
    if (gone.length) await tx.card.updateMany({ where: { id: { in: gone } }, data: { retiredAt: new Date() } });

    return { slug: input.slug, deckId: deck.id, cards: input.cards.length, created, updated, retired: gone.length };
  }, { maxWait: 10_000, timeout: 60_000 });
}

// Which decks a learner may study, as ids: computed once per request and then used in
// plain `deckId = ANY(...)` filters that the (userId, due) index can serve.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { visibleDecksWhere, visibleDeckSql } from "@/lib/decks/queries";

export async function studyableDeckIds(db: PrismaClient, userId: string, deckId?: string): Promise<string[]> {
  const decks = await db.deck.findMany({
    where: deckId ? { AND: [{ id: deckId }, visibleDecksWhere({ id: userId })] } : visibleDecksWhere({ id: userId }),
    select: { id: true },
  });
  return decks.map((d) => d.id);
}

/** The same ids as a text[] SQL expression, for a hot path that reads them along with other columns. */
export function studyableDeckIdsSql(userId: Prisma.Sql, deckId?: string): Prisma.Sql {
  const onlyDeck = deckId ? Prisma.sql`AND d.id = ${deckId}::uuid` : Prisma.empty;
  return Prisma.sql`ARRAY(SELECT d.id::text FROM "Deck" d WHERE ${visibleDeckSql(userId)} ${onlyDeck})`;
}

// Which decks a learner may study, as ids: computed once per request and then used in
// plain `deckId = ANY(...)` filters that the (userId, due) index can serve.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { visibleDecksWhere } from "@/lib/decks/queries";

export async function studyableDeckIds(db: PrismaClient, userId: string, deckId?: string): Promise<string[]> {
  const decks = await db.deck.findMany({
    where: deckId ? { AND: [{ id: deckId }, visibleDecksWhere({ id: userId })] } : visibleDecksWhere({ id: userId }),
    select: { id: true },
  });
  return decks.map((d) => d.id);
}

// The decks a user may see and study, and one deck's cards with provenance. Scoped to the
// user: curated published decks, the teacher's own decks, and decks assigned to the user's classes.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/authenticate";

export function visibleDecksWhere(user: Pick<SessionUser, "id">): Prisma.DeckWhereInput {
  return {
    OR: [
      { ownerId: null, status: "PUBLISHED" },
      { ownerId: user.id },
      { status: "PUBLISHED", assignments: { some: { class: { enrollments: { some: { userId: user.id } } } } } },
    ],
  };
}

/**
 * The same rule as visibleDecksWhere, as a SQL condition on deck alias `d` for the user
 * id `userId`, for hot paths that answer in one raw statement. Keep the two in step
 * (lib/review/review.int.test.ts checks both on the same decks).
 */
export function visibleDeckSql(userId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(d."ownerId" = ${userId} OR (d.status = 'PUBLISHED' AND (d."ownerId" IS NULL OR EXISTS (
    SELECT 1 FROM "Assignment" a JOIN "Enrollment" e ON e."classId" = a."classId" WHERE a."deckId" = d.id AND e."userId" = ${userId}))))`;
}

export async function listDecks(db: PrismaClient, user: Pick<SessionUser, "id">) {
  const decks = await db.deck.findMany({
    where: visibleDecksWhere(user),
    orderBy: { title: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      source: { select: { slug: true, title: true, origin: true } },
      _count: { select: { cards: { where: { retiredAt: null } } } },
    },
  });
  return decks.map(({ _count, ...d }) => ({ ...d, cardCount: _count.cards }));
}

/** A deck the user may see, with its title; null for any other id. */
export function visibleDeckTitle(db: PrismaClient, user: Pick<SessionUser, "id">, id: string) {
  return db.deck.findFirst({ where: { AND: [visibleDecksWhere(user), { id }] }, select: { id: true, title: true } });
}

export async function getDeck(db: PrismaClient, user: Pick<SessionUser, "id">, id: string) {
  return db.deck.findFirst({
    where: { AND: [{ id }, visibleDecksWhere(user)] },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      source: { select: { slug: true, title: true, origin: true, reliability: true, note: true, text: true } },
      cards: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, subject: true, prompt: true, answer: true, data: true, quote: true, start: true, end: true, citation: true },
      },
    },
  });
}

// Which decks a learner may study, as ids: computed once per request and then used in
// plain `deckId = ANY(...)` filters that the (userId, due) index can serve.
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

// CardFlag's statements: a learner's report of a bad card (one per learner and card, a new
// report replaces it), and the reports on a deck's cards for whoever answers for the deck.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { FlagReason as StoredReason } from "@/lib/generated/prisma/enums";
import { visibleDecksWhere } from "@/lib/decks/store";

/** The stored enum of each API reason, and back. */
export const STORED_REASON = { "wrong-fact": "WRONG_FACT", "bad-wording": "BAD_WORDING", other: "OTHER" } as const satisfies Record<string, StoredReason>;

/** Whether the learner may see (and so report) the card: the card rule of every learner route. */
export async function visibleCard(db: PrismaClient, userId: string, cardId: string): Promise<boolean> {
  return (await db.card.count({ where: { id: cardId, deck: visibleDecksWhere({ id: userId }) } })) > 0;
}

/** Stores the learner's report, replacing an earlier one of theirs on the card; `created` when there was none. */
export async function upsertFlag(db: PrismaClient, userId: string, cardId: string, reason: StoredReason, note: string) {
  const [row] = await db.$queryRaw<{ cardId: string; reason: StoredReason; note: string; createdAt: Date; updatedAt: Date; created: boolean }[]>`
    INSERT INTO "CardFlag" ("userId", "cardId", reason, note, "updatedAt")
    VALUES (${userId}::uuid, ${cardId}, ${reason}::"FlagReason", ${note}, now())
    ON CONFLICT ("userId", "cardId") DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note, "updatedAt" = now()
    RETURNING "cardId", reason, note, "createdAt", "updatedAt", (xmax = 0) AS created`;
  return row!;
}

export type FlagRow = {
  deckId: string; deckSlug: string; deckTitle: string;
  cardId: string; subject: string; prompt: string; answer: string; retiredAt: Date | null;
  reason: StoredReason; note: string; at: Date;
};

/** Every report on the cards of the decks `decks` selects (a condition on Deck d), newest first. */
export function flagRows(db: PrismaClient, decks: Prisma.Sql) {
  return db.$queryRaw<FlagRow[]>`
    SELECT d.id::text AS "deckId", d.slug AS "deckSlug", d.title AS "deckTitle", c.id AS "cardId", c.subject, c.prompt, c.answer, c."retiredAt",
           f.reason, f.note, f."updatedAt" AS at
      FROM "CardFlag" f JOIN "Card" c ON c.id = f."cardId" JOIN "Deck" d ON d.id = c."deckId"
     WHERE ${decks}
     ORDER BY f."updatedAt" DESC, c.id`;
}

/** Reports on one deck of the teacher's own; null when the deck is not theirs (or does not exist). */
export async function ownDeckFlagRows(db: PrismaClient, teacherId: string, deckId: string): Promise<FlagRow[] | null> {
  const deck = await db.deck.findFirst({ where: { id: deckId, ownerId: teacherId }, select: { id: true } });
  return deck ? flagRows(db, Prisma.sql`d.id = ${deckId}::uuid`) : null;
}

/** Reports on curated decks (no owning teacher): the operator's to answer. */
export const curatedFlagRows = (db: PrismaClient) => flagRows(db, Prisma.sql`d."ownerId" IS NULL`);

// The statements of a learner's card controls (CardState.suspendedAt, buriedUntil, leechAt):
// read what a change needs, write it, list the suspended cards. Decisions are in controls.ts;
// the queue's filter on these columns and the leech write are in store.ts (the queue's and the
// grade's own statements).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CardControls, SuspendedCards } from "@/lib/api/cards";
import { visibleDeckSql } from "@/lib/decks/store";
import { newSrsState } from "@/lib/srs/state";
import { STATE_COLUMNS, stateValues } from "@/lib/srs/row";
import type { ControlsContext, ControlsWrite } from "./controls";

/** The learner's clock and the card (visible to them, retired), in one statement; null when the user is gone. */
export async function loadControlsContext(db: PrismaClient, userId: string, cardId: string): Promise<ControlsContext | null> {
  const [row] = await db.$queryRaw<{ timezone: string; rolloverHour: number; cardId: string | null; retiredAt: Date | null; visible: boolean | null }[]>`
    SELECT u.timezone, u."rolloverHour", c.id AS "cardId", c."retiredAt", ${visibleDeckSql(Prisma.sql`u.id`)} AS visible
      FROM "User" u LEFT JOIN "Card" c ON c.id = ${cardId} LEFT JOIN "Deck" d ON d.id = c."deckId"
     WHERE u.id = ${userId}::uuid`;
  if (!row) return null;
  return {
    clock: { timezone: row.timezone, rolloverHour: row.rolloverHour },
    card: row.cardId === null ? null : { visible: row.visible === true, retired: row.retiredAt !== null },
  };
}

type ControlsRow = { cardId: string; suspendedAt: Date | null; buriedUntil: Date | null; leechAt: Date | null };
const toControls = (cardId: string, row: ControlsRow | undefined): CardControls => ({
  cardId,
  suspended: row?.suspendedAt != null,
  buriedUntil: row?.buriedUntil?.toISOString() ?? null,
  leech: row?.leechAt != null,
});

/**
 * Writes the controls in one statement. A card never graded gets its row in phase New (as
 * undo leaves one), version 0, so its first grade is not refused as stale; lifting a control
 * of a card without a row writes nothing. The FSRS state and version are never touched.
 */
export async function writeControls(db: PrismaClient, userId: string, cardId: string, w: ControlsWrite, now: Date): Promise<CardControls> {
  const sets = Object.entries(w).map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value as Date | null}::timestamptz`);
  const returning = Prisma.sql`RETURNING "cardId", "suspendedAt", "buriedUntil", "leechAt"`;
  const setsSomething = Object.values(w).some((v) => v !== null && v !== undefined);
  const [row] = setsSomething
    ? await db.$queryRaw<ControlsRow[]>`
        INSERT INTO "CardState" ("userId", "cardId", ${Prisma.raw(STATE_COLUMNS.map((c) => `"${c}"`).join(", "))}, version, "suspendedAt", "buriedUntil")
        VALUES (${userId}::uuid, ${cardId}, ${Prisma.join(stateValues(newSrsState(now)))}, 0, ${w.suspendedAt ?? null}::timestamptz, ${w.buriedUntil ?? null}::timestamptz)
        ON CONFLICT ("userId", "cardId") DO UPDATE SET ${Prisma.join(sets)} ${returning}`
    : await db.$queryRaw<ControlsRow[]>`
        UPDATE "CardState" SET ${Prisma.join(sets)} WHERE "userId" = ${userId}::uuid AND "cardId" = ${cardId} ${returning}`;
  return toControls(cardId, row);
}

/** One card's controls for this learner (all off when there is no row). */
export async function cardControls(db: PrismaClient, userId: string, cardId: string): Promise<CardControls> {
  const row = await db.cardState.findUnique({
    where: { userId_cardId: { userId, cardId } },
    select: { cardId: true, suspendedAt: true, buriedUntil: true, leechAt: true },
  });
  return toControls(cardId, row ?? undefined);
}

/** The learner's suspended cards in decks they can see (one deck if given), newest first; retired cards left out. */
export async function suspendedCards(db: PrismaClient, userId: string, deckId?: string): Promise<SuspendedCards> {
  const me = Prisma.sql`${userId}::uuid`;
  const onlyDeck = deckId ? Prisma.sql`AND d.id = ${deckId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<{ cardId: string; deckId: string; deckTitle: string; subject: string; prompt: string; suspendedAt: Date; leechAt: Date | null }[]>`
    SELECT s."cardId", d.id::text AS "deckId", d.title AS "deckTitle", c.subject, c.prompt, s."suspendedAt", s."leechAt"
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Deck" d ON d.id = c."deckId"
     WHERE s."userId" = ${me} AND s."suspendedAt" IS NOT NULL AND c."retiredAt" IS NULL AND ${visibleDeckSql(me)} ${onlyDeck}
     ORDER BY s."suspendedAt" DESC, s."cardId"`;
  return {
    cards: rows.map(({ suspendedAt, leechAt, ...r }) => ({ ...r, suspendedAt: suspendedAt.toISOString(), leech: leechAt !== null })),
  };
}

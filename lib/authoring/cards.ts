// Changing a teacher's deck card by card. A card keeps its id through every edit, so
// learners keep their FSRS state on it; retiring hides it from queues and quizzes but
// keeps its review history. Each change is one transaction.
import { randomUUID } from "node:crypto";
import type { CardInput, EditCard } from "@/lib/api/authoring";
import { DomainError } from "@/lib/api/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { cardFields, editedFields } from "./card-rows";
import { ownDeck } from "./decks";

const CARD_VIEW = { id: true, kind: true, subject: true, prompt: true, answer: true, data: true, quote: true, start: true, end: true, citation: true, retiredAt: true } as const;

export async function addCards(db: PrismaClient, teacherId: string, deckId: string, cards: CardInput[]) {
  return db.$transaction(async (tx) => {
    const deck = await ownDeck(tx, teacherId, deckId);
    const rows = cards.map((c, i) => cardFields(c, deck.source?.text ?? null, `cards.${i}`));
    const last = await tx.card.aggregate({ where: { deckId }, _max: { position: true } });
    const first = (last._max.position ?? -1) + 1;
    const data = rows.map((r, i) => ({ ...r, id: randomUUID(), deckId, position: first + i }));
    await tx.card.createMany({ data });
    await tx.deck.update({ where: { id: deckId }, data: { updatedAt: new Date() } });
    return tx.card.findMany({ where: { id: { in: data.map((d) => d.id) } }, orderBy: { position: "asc" }, select: CARD_VIEW });
  });
}

async function ownCard(tx: Prisma.TransactionClient, teacherId: string, deckId: string, cardId: string) {
  await ownDeck(tx, teacherId, deckId);
  const card = await tx.card.findFirst({ where: { id: cardId, deckId } });
  if (!card) throw new DomainError("not_found", "No such card in this deck.");
  return card;
}

export async function editCard(db: PrismaClient, teacherId: string, deckId: string, cardId: string, edit: EditCard) {
  return db.$transaction(async (tx) => {
    const card = await ownCard(tx, teacherId, deckId, cardId);
    if (card.retiredAt) throw new DomainError("conflict", "This card is retired; add a new card instead.");
    const updated = await tx.card.update({ where: { id: cardId }, data: editedFields(card, edit), select: CARD_VIEW });
    await tx.deck.update({ where: { id: deckId }, data: { updatedAt: new Date() } });
    return updated;
  });
}

/** Idempotent: retiring a retired card changes nothing. */
export async function retireCard(db: PrismaClient, teacherId: string, deckId: string, cardId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const card = await ownCard(tx, teacherId, deckId, cardId);
    if (card.retiredAt) return { id: card.id, retiredAt: card.retiredAt };
    await tx.deck.update({ where: { id: deckId }, data: { updatedAt: now } });
    return tx.card.update({ where: { id: cardId }, data: { retiredAt: now }, select: { id: true, retiredAt: true } });
  });
}

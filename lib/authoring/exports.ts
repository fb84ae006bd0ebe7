// Downloads of a teacher's own deck: its live cards (retired ones left out) as CSV or
// as an Anki package, with a file name made from the title.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildApkg } from "./apkg";
import { deckCsv } from "./csv-export";
import { ownDeck } from "./decks";

async function liveDeck(db: PrismaClient, teacherId: string, id: string) {
  const deck = await ownDeck(db, teacherId, id);
  const cards = await db.card.findMany({
    where: { deckId: id, retiredAt: null },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, prompt: true, answer: true, quote: true, citation: true },
  });
  return { id: deck.id, title: deck.title, cards, fileBase: deck.title.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "deck" };
}

export async function exportCsv(db: PrismaClient, teacherId: string, id: string) {
  const deck = await liveDeck(db, teacherId, id);
  return { fileName: `${deck.fileBase}.csv`, csv: deckCsv(deck.cards) };
}

export async function exportApkg(db: PrismaClient, teacherId: string, id: string, now = new Date()) {
  const deck = await liveDeck(db, teacherId, id);
  return { fileName: `${deck.fileBase}.apkg`, bytes: await buildApkg(deck, now) };
}

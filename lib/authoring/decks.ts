// A teacher's own decks: create a draft (with its source document, so provenance links
// work), rename, publish, list. Every save is one transaction: nothing half-saved.
import { randomBytes, randomUUID } from "node:crypto";
import type { CreateDeck } from "@/lib/api/authoring";
import { DomainError } from "@/lib/api/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { cardFields } from "./card-rows";
import { readDocument } from "./document";
import { claimTitle } from "./titles";

type Db = PrismaClient | Prisma.TransactionClient;
export type Teacher = { id: string; name: string };

/** Readable and unique: "treaty-of-rapallo-3f9a1c2e". */
function slugFor(title: string): string {
  const base = title.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${base || "deck"}-${randomBytes(4).toString("hex")}`;
}

/** The teacher's own deck, or 404 (another teacher's or a curated deck is "no such deck"). */
export async function ownDeck(db: Db, teacherId: string, id: string) {
  const deck = await db.deck.findFirst({ where: { id, ownerId: teacherId }, include: { source: { select: { text: true } } } });
  if (!deck) throw new DomainError("not_found", "No such deck.");
  return deck;
}

export async function createDraftDeck(db: PrismaClient, teacher: Teacher, input: CreateDeck) {
  const doc = input.document ? readDocument(input.document.text, input.document.name) : null;
  // Validate every card before touching the database, naming the card that is wrong.
  const rows = input.cards.map((c, i) => cardFields(c, doc?.text ?? null, `cards.${i}`));
  return db.$transaction(async (tx) => {
    await claimTitle(tx, teacher.id, input.title);
    const slug = slugFor(input.title);
    const source = doc
      ? await tx.source.create({ data: { slug, title: input.title, origin: `Imported by ${teacher.name} from ${doc.name}`, text: doc.text } })
      : null;
    const deck = await tx.deck.create({ data: { slug, title: input.title, ownerId: teacher.id, status: "DRAFT", sourceId: source?.id ?? null } });
    await tx.card.createMany({ data: rows.map((r, position) => ({ ...r, id: randomUUID(), deckId: deck.id, position })) });
    return { id: deck.id, slug: deck.slug, title: deck.title, status: deck.status, cardCount: rows.length };
  });
}

export async function updateDeck(db: PrismaClient, teacherId: string, id: string, patch: { title?: string; status?: "PUBLISHED" }) {
  return db.$transaction(async (tx) => {
    await ownDeck(tx, teacherId, id);
    if (patch.title !== undefined) await claimTitle(tx, teacherId, patch.title, id);
    const deck = await tx.deck.update({ where: { id }, data: patch, select: { id: true, slug: true, title: true, status: true } });
    return deck;
  });
}

export async function listOwnDecks(db: PrismaClient, teacherId: string) {
  const decks = await db.deck.findMany({
    where: { ownerId: teacherId },
    orderBy: [{ status: "asc" }, { title: "asc" }],
    select: { id: true, title: true, status: true, updatedAt: true, _count: { select: { cards: { where: { retiredAt: null } }, assignments: true } } },
  });
  return decks.map(({ _count, updatedAt, ...d }) => ({ ...d, updatedAt: updatedAt.toISOString(), cardCount: _count.cards, assignmentCount: _count.assignments }));
}

/** The deck with every card, retired ones included (the editor shows them apart). */
export async function deckForEditing(db: PrismaClient, teacherId: string, id: string) {
  const deck = await db.deck.findFirst({
    where: { id, ownerId: teacherId },
    select: {
      id: true,
      title: true,
      status: true,
      source: { select: { title: true, origin: true, text: true } },
      cards: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, subject: true, prompt: true, answer: true, data: true, quote: true, start: true, end: true, citation: true, retiredAt: true },
      },
    },
  });
  if (!deck) throw new DomainError("not_found", "No such deck.");
  return deck;
}

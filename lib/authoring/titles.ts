// One teacher, one deck per title (case-insensitive). Checked inside the saving
// transaction under a per-teacher advisory lock, so two concurrent saves cannot both
// take a title; no unique index because curated decks (no owner) may share titles.
import { DomainError } from "@/lib/api/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function claimTitle(tx: Prisma.TransactionClient, ownerId: string, title: string, exceptDeckId?: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`deck-title:${ownerId}`}, 0))`;
  const taken = await tx.deck.findFirst({
    where: { ownerId, title: { equals: title, mode: "insensitive" }, ...(exceptDeckId ? { id: { not: exceptDeckId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new DomainError("conflict", `You already have a deck called "${title}". Choose another title.`);
}

// Reports of bad cards (issue 15): a learner flags a card with a reason (wrong fact, bad
// wording, other with a note); the deck's teacher reads the reports on their own decks, the
// operator those on curated decks (`npm run flags`). Reports are anonymous to their readers:
// what matters is what is wrong with the card, and a learner reports more freely unnamed.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { FlaggedCard, flagRequestSchema, flagSchema } from "@/lib/api/cards";
import type { FlagReason } from "@/lib/api/flag-reasons";
import type { z } from "zod";
import { curatedFlagRows, ownDeckFlagRows, STORED_REASON, upsertFlag, visibleCard, type FlagRow } from "./store";

const API_REASON = Object.fromEntries(Object.entries(STORED_REASON).map(([api, stored]) => [stored, api])) as Record<FlagRow["reason"], FlagReason>;

/** POST /api/cards/{id}/flag: 404 for a card the learner cannot see, as for an unknown id. */
export async function flagCard(db: PrismaClient, userId: string, cardId: string, req: z.output<typeof flagRequestSchema>) {
  if (!(await visibleCard(db, userId, cardId))) throw new DomainError("not_found", "No such card.");
  const row = await upsertFlag(db, userId, cardId, STORED_REASON[req.reason], req.note);
  const flag: z.infer<typeof flagSchema> = {
    cardId: row.cardId, reason: API_REASON[row.reason], note: row.note, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
  return { flag, created: row.created };
}

/** Report rows (newest first) grouped by card: cards with the most reports first, then the most recently reported. */
export function groupByCard(rows: readonly FlagRow[]): (FlaggedCard & { deck: { id: string; slug: string; title: string } })[] {
  const cards = new Map<string, FlaggedCard & { deck: { id: string; slug: string; title: string }; latest: number }>();
  for (const r of rows) {
    let card = cards.get(r.cardId);
    if (!card) {
      card = {
        deck: { id: r.deckId, slug: r.deckSlug, title: r.deckTitle },
        cardId: r.cardId, subject: r.subject, prompt: r.prompt, answer: r.answer, retired: r.retiredAt !== null,
        reports: [], latest: r.at.getTime(),
      };
      cards.set(r.cardId, card);
    }
    card.reports.push({ reason: API_REASON[r.reason], note: r.note, at: r.at.toISOString() });
  }
  return [...cards.values()]
    .sort((a, b) => b.reports.length - a.reports.length || b.latest - a.latest || (a.cardId < b.cardId ? -1 : 1))
    .map(({ latest: _, ...card }) => card);
}

/** GET /api/decks/{id}/flags: the reports on one of the teacher's own decks; 404 for any other deck. */
export async function deckFlags(db: PrismaClient, teacherId: string, deckId: string) {
  const rows = await ownDeckFlagRows(db, teacherId, deckId);
  if (!rows) throw new DomainError("not_found", "No such deck.");
  return { deckId, cards: groupByCard(rows).map(({ deck: _, ...card }) => card) };
}

/** `npm run flags`: the reports on curated decks, grouped by card, each with its deck. */
export async function curatedFlags(db: PrismaClient) {
  return groupByCard(await curatedFlagRows(db));
}

// Today's queue for one learner, read from Postgres: only the candidate rows (due
// learning and review states, the next unstudied cards) are fetched, each through the
// (userId, due) index or the CardState primary key, so the cost does not grow with
// other learners' data. Candidates are fetched lean (ids and states: up to a day's
// limits, for exact counts); card text only for the batch returned. Ordering and limits
// are lib/review/queue.ts's job.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import type { QueueItem, QueueResponse } from "@/lib/api/review";
import { fuzzSeedFor, preview, RATINGS } from "@/lib/srs/scheduler";
import type { SrsState } from "@/lib/srs/state";
import { studyableDeckIds } from "./access";
import { learnerDay } from "./day";
import { buildQueue, dueCutoff, learnAheadCutoff, remainingToday } from "./queue";
import { stateOfRow, type StateRow } from "./rows";
import { settingsOfUser, toSrsParams } from "./settings";

type CardRow = {
  cardId: string;
  deckId: string;
  deckTitle: string;
  kind: QueueItem["card"]["kind"];
  subject: string;
  prompt: string;
  answer: string;
  quote: string;
  citation: string | null;
};
type CandidateRow = { cardId: string } & Partial<StateRow>;

const CARD_COLUMNS = Prisma.sql`c.id AS "cardId", c."deckId", d.title AS "deckTitle", c.kind::text AS kind, c.subject, c.prompt, c.answer, c.quote, c.citation`;

export async function loadQueue(
  db: PrismaClient,
  userId: string,
  opts: { deckId?: string; limit: number },
  now = new Date(),
): Promise<QueueResponse> {
  const [user, deckIds] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { settings: true, timezone: true, rolloverHour: true } }),
    studyableDeckIds(db, userId, opts.deckId),
  ]);
  if (!user) throw new ApiError("unauthenticated", "Your account no longer exists. Sign in again.");
  if (opts.deckId && deckIds.length === 0) throw new ApiError("not_found", "No such deck.");
  const settings = settingsOfUser(user);
  const day = learnerDay(now, settings.timezone, settings.rolloverHour);
  const decks = deckIds.length ? deckIds : ["00000000-0000-0000-0000-000000000000"];
  const inDecks = Prisma.sql`c."deckId" = ANY(${decks}::uuid[]) AND c."retiredAt" IS NULL`;

  const [done] = await db.$queryRaw<{ newCount: number; reviewCount: number }[]>`
    SELECT count(*) FILTER (WHERE "stateBefore" IS NULL)::int AS "newCount",
           count(*) FILTER (WHERE "stateBefore"->>'state' = '2')::int AS "reviewCount"
      FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "reviewedAt" >= ${day.start} AND "reviewedAt" < ${day.end} AND "undoneAt" IS NULL`;
  const doneToday = done ?? { newCount: 0, reviewCount: 0 };
  const remaining = remainingToday(settings, doneToday);

  const stateColumns = Prisma.sql`s."cardId", s.due, s.stability, s.difficulty, s."scheduledDays", s."learningSteps", s.reps, s.lapses, s.state, s."lastReview", s.version`;
  const [learning, reviews, fresh, [tomorrow]] = await Promise.all([
    db.$queryRaw<CandidateRow[]>`
      SELECT ${stateColumns} FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
       WHERE s."userId" = ${userId}::uuid AND s.due <= ${learnAheadCutoff(now)} AND s.state IN (1, 3) AND ${inDecks}`,
    db.$queryRaw<CandidateRow[]>`
      SELECT ${stateColumns} FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
       WHERE s."userId" = ${userId}::uuid AND s.due < ${dueCutoff(now, settings)} AND s.state = 2 AND ${inDecks}
       ORDER BY s.due, s."cardId" LIMIT ${remaining.reviews}`,
    db.$queryRaw<CandidateRow[]>`
      SELECT c.id AS "cardId", s.version FROM "Card" c JOIN "Deck" d ON d.id = c."deckId"
        LEFT JOIN "CardState" s ON s."userId" = ${userId}::uuid AND s."cardId" = c.id
       WHERE ${inDecks} AND (s."cardId" IS NULL OR s.state = 0)
       ORDER BY d.title, c."deckId", c.position, c.id LIMIT ${remaining.newCards}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
       WHERE s."userId" = ${userId}::uuid AND s.due >= ${day.end} AND s.due < ${learnerDay(day.end, settings.timezone, settings.rolloverHour).end} AND ${inDecks}`,
  ]);

  const rows = new Map<string, CandidateRow>();
  const states: { cardId: string; state: SrsState }[] = [];
  for (const r of [...learning, ...reviews]) {
    rows.set(r.cardId, r);
    states.push({ cardId: r.cardId, state: stateOfRow(r as StateRow)! });
  }
  for (const r of fresh) rows.set(r.cardId, r);
  const queue = buildQueue({ now, settings, states, newCardIds: fresh.map((r) => r.cardId), doneToday, limit: opts.limit });
  const chosen = queue.cards.map((c) => c.cardId);
  const texts = chosen.length
    ? await db.$queryRaw<CardRow[]>`
        SELECT ${CARD_COLUMNS} FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE c.id = ANY(${chosen}::text[])`
    : [];
  const textOf = new Map(texts.map((t) => [t.cardId, t]));

  const params = toSrsParams(settings);
  const cards = queue.cards.map(({ cardId, kind }): QueueItem => {
    const r = rows.get(cardId)!;
    const t = textOf.get(cardId)!;
    const state = r.state === undefined ? null : stateOfRow(r as StateRow);
    const p = preview(state, now, params, fuzzSeedFor(userId, cardId));
    const previews = Object.fromEntries(RATINGS.map((g) => [g, { due: p[g].due.toISOString(), label: p[g].intervalLabel }])) as QueueItem["previews"];
    return {
      cardId,
      queue: kind,
      version: r.version ?? 0,
      card: { deckId: t.deckId, deckTitle: t.deckTitle, kind: t.kind, subject: t.subject, prompt: t.prompt, answer: t.answer, quote: t.quote, citation: t.citation },
      previews,
    };
  });
  return { cards, counts: queue.counts, day: { key: day.key, end: day.end.toISOString() }, tomorrow: tomorrow?.n ?? 0 };
}

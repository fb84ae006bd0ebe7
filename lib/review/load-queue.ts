// Today's queue for one learner, read from Postgres in three round trips:
//   1. the learner's settings and the decks they may study;
//   2. five statements at once, on separate connections: what they graded today (for the
//      limits), due (re)learning and review states, the next unstudied cards, and how many
//      cards come due tomorrow. Each reads through the (userId, due) index or the CardState
//      primary key, so the cost does not grow with other learners' data;
//   3. the card text, for the batch returned only.
// They go straight to pg (lib/db/client.ts says why). Ordering and limits are
// lib/review/queue.ts's job; the SQL only narrows the candidates with the same cutoffs.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import type { QueueItem, QueueResponse } from "@/lib/api/review";
import { sqlRows } from "@/lib/db/client";
import { fuzzSeedFor, preview, RATINGS } from "@/lib/srs/scheduler";
import type { SrsState } from "@/lib/srs/state";
import { studyableDeckIdsSql } from "@/lib/decks/studyable";
import { learnerDay } from "./day";
import { buildQueue, dueCutoff, learnAheadCutoff, type DoneToday } from "./queue";
import { stateOfRow, type StateRow } from "./rows";
import { settingsOfUser, toSrsParams } from "@/lib/learner/settings";

type LearnerRow = { settings: unknown; timezone: string; rolloverHour: number; deckIds: string[] };
type CandidateRow = { cardId: string } & Partial<StateRow>;

const stateColumns = Prisma.sql`s."cardId", s.due, s.stability, s.difficulty, s."scheduledDays", s."learningSteps", s.reps, s.lapses, s.state, s."lastReview", s.version`;

/** A queue item's card, from Card c and Deck d. */
const cardJson = Prisma.sql`json_build_object('deckId', c."deckId", 'deckTitle', d.title, 'kind', c.kind, 'subject', c.subject,
  'prompt', c.prompt, 'answer', c.answer, 'quote', c.quote, 'citation', c.citation)`;

export async function loadQueue(
  db: PrismaClient,
  userId: string,
  opts: { deckId?: string; limit: number },
  now = new Date(),
): Promise<QueueResponse> {
  const [user] = await sqlRows<LearnerRow>(db, Prisma.sql`
    SELECT u.settings, u.timezone, u."rolloverHour", ${studyableDeckIdsSql(Prisma.sql`u.id`, opts.deckId)} AS "deckIds"
      FROM "User" u WHERE u.id = ${userId}::uuid`);
  if (!user) throw new ApiError("unauthenticated", "Your account no longer exists. Sign in again.");
  if (opts.deckId && user.deckIds.length === 0) throw new ApiError("not_found", "No such deck.");
  const settings = settingsOfUser(user);
  const day = learnerDay(now, settings.timezone, settings.rolloverHour);
  const dayAfter = learnerDay(day.end, settings.timezone, settings.rolloverHour);
  const inDecks = Prisma.sql`c."deckId" = ANY(${user.deckIds}::uuid[]) AND c."retiredAt" IS NULL`;

  // Today's limits are applied in SQL too (what is left of them after today's grades,
  // `done`), so no more candidates are read than buildQueue can use. Statements running at
  // once cannot share a CTE: `done` (one index range of today's log rows) runs in each
  // statement that needs it, and once more for buildQueue.
  const me = Prisma.sql`${userId}::uuid`;
  const statesIn = Prisma.sql`"CardState" s JOIN "Card" c ON c.id = s."cardId"`;
  const done = Prisma.sql`
    SELECT count(*) FILTER (WHERE "stateBefore" IS NULL)::int AS "newCount",
           count(*) FILTER (WHERE "stateBefore"->>'state' = '2')::int AS "reviewCount"
      FROM "ReviewLog" WHERE "userId" = ${me} AND "reviewedAt" >= ${day.start} AND "reviewedAt" < ${day.end} AND "undoneAt" IS NULL`;
  const [[doneToday], learning, reviews, fresh, [tomorrow]] = await Promise.all([
    sqlRows<DoneToday>(db, done),
    sqlRows<CandidateRow>(db, Prisma.sql`
      SELECT ${stateColumns} FROM ${statesIn}
       WHERE s."userId" = ${me} AND s.due <= ${learnAheadCutoff(now)} AND s.state IN (1, 3) AND ${inDecks}`),
    sqlRows<CandidateRow>(db, Prisma.sql`
      WITH done AS (${done})
      SELECT ${stateColumns} FROM ${statesIn}
       WHERE s."userId" = ${me} AND s.due < ${dueCutoff(now, settings)} AND s.state = 2 AND ${inDecks}
       ORDER BY s.due, s."cardId" LIMIT greatest(0, ${settings.reviewsPerDay}::int - (SELECT "reviewCount" FROM done))`),
    sqlRows<CandidateRow>(db, Prisma.sql`
      WITH done AS (${done})
      SELECT c.id AS "cardId", s.version FROM "Card" c JOIN "Deck" d ON d.id = c."deckId"
        LEFT JOIN "CardState" s ON s."userId" = ${me} AND s."cardId" = c.id
       WHERE ${inDecks} AND (s."cardId" IS NULL OR s.state = 0)
       ORDER BY d.title, c."deckId", c.position, c.id LIMIT greatest(0, ${settings.newPerDay}::int - (SELECT "newCount" FROM done))`),
    sqlRows<{ n: number }>(db, Prisma.sql`
      SELECT count(*)::int AS n FROM ${statesIn}
       WHERE s."userId" = ${me} AND s.due >= ${day.end} AND s.due < ${dayAfter.end} AND ${inDecks}`),
  ]);

  const rows = new Map<string, CandidateRow>();
  const states: { cardId: string; state: SrsState }[] = [];
  for (const r of [...learning, ...reviews]) {
    rows.set(r.cardId, r);
    states.push({ cardId: r.cardId, state: stateOfRow(r as StateRow)! });
  }
  for (const r of fresh) rows.set(r.cardId, r);
  const queue = buildQueue({ now, settings, states, newCardIds: fresh.map((r) => r.cardId), doneToday: doneToday!, limit: opts.limit });

  const chosen = queue.cards.map((c) => c.cardId);
  const texts = chosen.length
    ? await sqlRows<{ cardId: string; card: QueueItem["card"] }>(db, Prisma.sql`
        SELECT c.id AS "cardId", ${cardJson} AS card FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE c.id = ANY(${chosen}::text[])`)
    : [];
  const cardOf = new Map(texts.map((t) => [t.cardId, t.card]));

  const params = toSrsParams(settings);
  const cards = queue.cards.map(({ cardId, kind }): QueueItem => {
    const r = rows.get(cardId)!;
    const state = r.state === undefined ? null : stateOfRow(r as StateRow);
    const p = preview(state, now, params, fuzzSeedFor(userId, cardId));
    const previews = Object.fromEntries(RATINGS.map((g) => [g, { due: p[g].due.toISOString(), label: p[g].intervalLabel }])) as QueueItem["previews"];
    return { cardId, queue: kind, version: r.version ?? 0, card: cardOf.get(cardId)!, previews };
  });
  return { cards, counts: queue.counts, day: { key: day.key, end: day.end.toISOString() }, tomorrow: tomorrow?.n ?? 0 };
}

// Today's queue for one learner, read from Postgres in three round trips (store.ts):
//   1. the learner's settings and the decks they may study;
//   2. five statements at once: today's grades, due (re)learning and review states, the next
//      unstudied cards, and how many cards come due tomorrow;
//   3. the card text, for the batch returned only (not for cards this process read within the
//      last minute: card-texts.ts).
// Ordering and limits are queue.ts's job; the SQL only narrows the candidates with the same cutoffs.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { QueueItem, QueueResponse } from "@/lib/api/review";
import { accountGone } from "@/lib/auth/revocation";
import { withExamRetention } from "@/lib/learner/exam-mode";
import { settingsOfUser, toSrsParams } from "@/lib/learner/settings";
import { intervalPerStability } from "@/lib/srs/retrievability";
import { fuzzSeedFor, preview, RATINGS } from "@/lib/srs/scheduler";
import type { SrsState } from "@/lib/srs/state";
import { learnerDay } from "@/lib/srs/learner-day";
import { buildQueue, dueCutoff, learnAheadCutoff } from "./queue";
import { cardTexts } from "./card-texts";
import { loadCardTexts, loadLearner, loadQueueCandidates, type Candidate } from "./store";

export async function loadQueue(
  db: PrismaClient,
  userId: string,
  /** `excludeDeckIds`: decks whose cards stay out (a running assigned quiz hides its deck's answers: lib/quiz/running.ts). */
  opts: { deckId?: string; limit: number; excludeDeckIds?: ReadonlySet<string> },
  now = new Date(),
): Promise<QueueResponse> {
  const user = await loadLearner(db, userId, opts.deckId, now);
  if (!user) throw accountGone();
  if (opts.deckId && user.deckIds.length === 0) throw new DomainError("not_found", "No such deck.");
  const deckIds = opts.excludeDeckIds ? user.deckIds.filter((id) => !opts.excludeDeckIds!.has(id)) : user.deckIds;
  const settings = settingsOfUser(user);
  const day = learnerDay(now, settings.timezone, settings.rolloverHour);
  // Exam mode (lib/learner/exam-mode.ts): the cards of those decks are scheduled, previewed
  // and brought forward at the raised retention.
  const paramsOf = new Map(user.examDecks.map((e) => [e.deckId, toSrsParams(withExamRetention(settings, e.desiredRetention), user.fitted?.weights)]));
  const params = toSrsParams(settings, user.fitted?.weights);
  const { doneToday, due, examAdvanced, unseen, tomorrow } = await loadQueueCandidates(db, userId, {
    deckIds,
    day,
    dayAfterEnd: learnerDay(day.end, settings.timezone, settings.rolloverHour).end,
    learnAheadCutoff: learnAheadCutoff(now),
    dueCutoff: dueCutoff(now, settings),
    reviewsPerDay: settings.reviewsPerDay,
    newPerDay: settings.newPerDay,
    exam: {
      decks: [...paramsOf].filter(([deckId]) => deckIds.includes(deckId)).map(([deckId, p]) => ({ deckId, perStability: intervalPerStability(p) })),
      maxDays: settings.maximumIntervalDays,
    },
  });

  const candidates = new Map<string, Candidate>();
  const states: { cardId: string; state: SrsState }[] = [];
  for (const c of due) {
    candidates.set(c.cardId, c);
    states.push({ cardId: c.cardId, state: c.stored!.state! });
  }
  for (const c of examAdvanced) {
    candidates.set(c.cardId, c);
    states.push({ cardId: c.cardId, state: { ...c.stored!.state!, due: c.examDue } });
  }
  for (const c of unseen) candidates.set(c.cardId, c);
  const queue = buildQueue({ now, settings, states, newCardIds: unseen.map((c) => c.cardId), doneToday, limit: opts.limit });
  const cardOf = await cardTexts(queue.cards.map((c) => c.cardId), (ids) => loadCardTexts(db, ids));

  const cards = queue.cards.map(({ cardId, kind }): QueueItem => {
    const stored = candidates.get(cardId)!.stored;
    const card = cardOf.get(cardId)!;
    const p = preview(stored?.state ?? null, now, paramsOf.get(card.deckId) ?? params, fuzzSeedFor(userId, cardId));
    const previews = Object.fromEntries(RATINGS.map((g) => [g, { due: p[g].due.toISOString(), label: p[g].intervalLabel }])) as QueueItem["previews"];
    return { cardId, queue: kind, version: stored?.version ?? 0, card, previews };
  });
  return { cards, counts: queue.counts, day: { key: day.key, end: day.end.toISOString() }, tomorrow };
}

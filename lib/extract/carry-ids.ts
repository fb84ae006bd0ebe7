import { normaliseSubject } from "./ids";
import type { Card, PartialDate } from "./types";

/**
 * Carrying card ids across a rebuild. A card id hashes the card's subject (ids.ts), so when
 * the extractor words a subject differently (a hyphen, an added "the", an ordinal, a longer
 * or shorter name) the id changes, and the loader would retire the old card and create a new
 * one: every learner would lose that card's FSRS schedule although the fact did not change.
 * carryIds gives such a card the id of the previous card that states the same fact. Pure.
 */

/**
 * What carrying needs from a previous card. Narrower than Card so that a deck file written
 * before a field was added (confidence, rule) can still hand its ids on.
 */
export type PriorCard = { id: string; subject: string; source: { document: string; start: number; end: number } } & (
  | { kind: "date"; date: PartialDate }
  | { kind: "parties"; parties: readonly string[] }
  | { kind: "term"; term: string }
);

const sameDate = (a: PartialDate, b: PartialDate): boolean => a.year === b.year && a.month === b.month && a.day === b.day;

/** Parties compare as a set, ignoring case, spacing and a leading "the" ("the Soviet Union" = "Soviet Union"). */
const partySet = (parties: readonly string[]): string => [...new Set(parties.map(normaliseSubject))].sort().join("\u0000");

const sameTerm = (a: string, b: string): boolean =>
  a.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim() === b.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

const words = (subject: string): Set<string> => new Set(normaliseSubject(subject).split(/[^\p{L}\p{N}]+/u).filter(Boolean));

/**
 * How strongly `old` and `card` state one fact, compared lexicographically (higher is
 * better), or null when they do not. After the rule itself, the score only breaks ties
 * between several candidates (two treaties signed the same day in one sentence): the same
 * subject first, then shared subject words, then the longer shared span of source text.
 */
function matchScore(old: PriorCard, card: Card): [number, number, number] | null {
  if (old.kind !== card.kind || old.source.document !== card.source.document) return null;
  const sameSubject = normaliseSubject(old.subject) === normaliseSubject(card.subject);
  const overlap = Math.max(0, Math.min(old.source.end, card.source.end) - Math.max(old.source.start, card.source.start));
  let same: boolean;
  if (old.kind === "date" && card.kind === "date") same = sameDate(old.date, card.date) && (overlap > 0 || sameSubject);
  else if (old.kind === "parties" && card.kind === "parties")
    same = partySet(old.parties) === partySet(card.parties) && (overlap > 0 || sameSubject);
  else if (old.kind === "term" && card.kind === "term") same = sameTerm(old.term, card.term);
  else same = false;
  if (!same) return null;
  const oldWords = words(old.subject);
  const shared = [...words(card.subject)].filter((w) => oldWords.has(w)).length;
  return [sameSubject ? 1 : 0, shared, overlap];
}

/**
 * `next` with each card whose id is new given the id of a previous card that states the same
 * fact, if there is one that is not itself still in `next` (by id) and not claimed by another
 * card. A corrected card (same kind and subject, new answer) needs nothing: its id hashes
 * the same. Everything else is returned untouched, in the same order.
 */
export function carryIds(previous: readonly PriorCard[], next: readonly Card[]): Card[] {
  const nextIds = new Set(next.map((c) => c.id));
  const previousIds = new Set(previous.map((c) => c.id));
  const free = previous.filter((p) => !nextIds.has(p.id));

  // Best pairs first across the whole deck rather than card by card, so that an early card
  // cannot take the previous card a later one matches better. Ties go by position: stable.
  const pairs: Array<{ n: number; p: number; score: [number, number, number] }> = [];
  next.forEach((card, n) => {
    if (previousIds.has(card.id)) return;
    free.forEach((old, p) => {
      const score = matchScore(old, card);
      if (score) pairs.push({ n, p, score });
    });
  });
  pairs.sort((a, b) => b.score[0] - a.score[0] || b.score[1] - a.score[1] || b.score[2] - a.score[2] || a.n - b.n || a.p - b.p);

  const carried = new Map<number, string>();
  const claimed = new Set<string>();
  for (const { n, p } of pairs) {
    const id = free[p]!.id;
    if (carried.has(n) || claimed.has(id)) continue;
    carried.set(n, id);
    claimed.add(id);
  }
  // Spreading keeps `id` as the first key, so deck files keep their key order.
  return next.map((card, n) => {
    const id = carried.get(n);
    return id === undefined ? card : { ...card, id };
  });
}

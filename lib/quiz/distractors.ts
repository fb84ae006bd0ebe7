import { DISTRACTORS, pickDateDistractors } from "./date-distractors";
import { formatDate, type PartialDate } from "./dates";
import { buildAliases, canonicalParty, canonicalPartySet, partySetKey, type Aliases } from "./parties";
import { shuffle, type Rng } from "./rng";
import { textKey } from "./text";
import { cardDate, cardParties, cardTerm, type QuizCard } from "./types";

/**
 * Multiple-choice options for one card: the right answer and three wrong ones
 * of the same kind, drawn from the card's deck. A card that cannot get three
 * valid distractors gets null and is not asked as multiple choice.
 */

/** The deck a quiz is drawn from, indexed once for every card's distractors. */
export interface DistractorPool {
  readonly cards: readonly QuizCard[];
  /** Name equivalences taken from the deck's term cards ("U.S.S.R." = "Soviet Union"). */
  readonly aliases: Aliases;
  // Per card id, computed once because every card is compared with every other:
  /** Normalised subject. */
  readonly subjects: ReadonlyMap<string, string>;
  /** Party list as a set (partySetKey) and its size, for PARTIES cards. */
  readonly partySets: ReadonlyMap<string, { key: string; size: number }>;
}

export function buildPool(cards: readonly QuizCard[]): DistractorPool {
  const pairs: [string, string][] = [];
  for (const card of cards) {
    const t = cardTerm(card);
    if (t) pairs.push([t.term, t.definition]);
  }
  const aliases = buildAliases(pairs);
  const partySets = new Map<string, { key: string; size: number }>();
  for (const card of cards) {
    const p = cardParties(card);
    if (p) partySets.set(card.id, { key: partySetKey(p, aliases), size: canonicalPartySet(p, aliases).length });
  }
  return { cards, aliases, subjects: new Map(cards.map((c) => [c.id, textKey(c.subject)])), partySets };
}

export interface McqOptions {
  correct: string;
  /** Exactly three, none equivalent to `correct` or to each other. */
  distractors: string[];
}

export function mcqOptions(card: QuizCard, pool: DistractorPool, rng: Rng): McqOptions | null {
  switch (card.kind) {
    case "DATE":
      return dateOptions(card, pool, rng);
    case "PARTIES":
      return partyOptions(card, pool, rng);
    case "TERM":
    case "BASIC":
      return textOptions(card, pool, rng);
  }
}

/**
 * Other cards on the same subject may state another answer (two sources, two
 * dates): their answers are not safely wrong, so they are never distractors.
 */
const sameSubject = (pool: DistractorPool, a: QuizCard, b: QuizCard): boolean =>
  a.id !== b.id && pool.subjects.get(a.id) === pool.subjects.get(b.id);

function dateOptions(card: QuizCard, pool: DistractorPool, rng: Rng): McqOptions | null {
  const answer = cardDate(card);
  if (!answer) return null;
  const deckDates: PartialDate[] = [];
  const alsoCorrect: PartialDate[] = [];
  for (const other of pool.cards) {
    const d = cardDate(other);
    if (!d || other.id === card.id) continue;
    (sameSubject(pool, card, other) ? alsoCorrect : deckDates).push(d);
  }
  const wrong = pickDateDistractors(answer, deckDates, alsoCorrect, rng);
  // Every option, the answer included, in one format: the card's answer text
  // may be worded differently ("November/December 1933" for a year-only date),
  // and an option that looks different from the rest gives itself away.
  return wrong && { correct: formatDate(answer), distractors: wrong.map(formatDate) };
}

/**
 * Other party lists of the deck, compared as sets. Lists of a similar length
 * come first: a seven-state convention among pairs is easy to rule out.
 */
function partyOptions(card: QuizCard, pool: DistractorPool, rng: Rng): McqOptions | null {
  const answer = pool.partySets.get(card.id);
  if (!answer) return null;
  const excluded = new Set([answer.key]);
  for (const other of pool.cards) {
    const set = pool.partySets.get(other.id);
    if (set && sameSubject(pool, card, other)) excluded.add(set.key);
  }
  // One candidate per distinct set, worded as the first card (in pool order) that has it.
  const candidates = new Map<string, { text: string; size: number }>();
  for (const other of pool.cards) {
    const set = pool.partySets.get(other.id);
    if (set && !excluded.has(set.key) && !candidates.has(set.key)) candidates.set(set.key, { text: other.answer, size: set.size });
  }
  const distance = (c: { size: number }) => Math.abs(c.size - answer.size);
  const ranked = shuffle([...candidates.values()], rng).sort((a, b) => distance(a) - distance(b));
  return complete(
    card.answer,
    ranked.map((c) => c.text),
    (a, b) => textKey(a) === textKey(b),
  );
}

/** Definitions for a term card; other answers of basic cards for a basic card. */
function textOptions(card: QuizCard, pool: DistractorPool, rng: Rng): McqOptions | null {
  const valueOf = (c: QuizCard): string | null =>
    c.kind !== card.kind ? null : c.kind === "TERM" ? (cardTerm(c)?.definition ?? null) : c.answer;
  const correct = valueOf(card);
  if (!correct) return null;
  // Compared as names, so case, spacing, full stops, a leading "the" and the
  // deck's aliases do not make two options ("USSR", "U.S.S.R.") different.
  const same = (a: string, b: string) => canonicalParty(a, pool.aliases) === canonicalParty(b, pool.aliases);
  const alsoCorrect = pool.cards.filter((o) => sameSubject(pool, card, o)).map(valueOf);
  const candidates = pool.cards
    .filter((o) => o.id !== card.id)
    .map(valueOf)
    .filter((v): v is string => v !== null && !alsoCorrect.some((e) => e !== null && same(e, v)));
  return complete(correct, shuffle(candidates, rng), same);
}

/** The first three candidates distinct from the answer and from each other; null when there are not three. */
function complete(correct: string, ranked: readonly string[], same: (a: string, b: string) => boolean): McqOptions | null {
  const chosen: string[] = [];
  for (const c of ranked) {
    if (chosen.length === DISTRACTORS) break;
    if (![correct, ...chosen].some((x) => same(x, c))) chosen.push(c);
  }
  return chosen.length === DISTRACTORS ? { correct, distractors: chosen } : null;
}

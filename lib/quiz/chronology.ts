import { coarsest, compareDates, precisionOf, type PartialDate } from "./dates";
import { shuffle, type Rng } from "./rng";
import { textKey } from "./text";
import { CHRONOLOGY_ITEMS, cardDate, type ChronologyQuestion, type DistributiveOmit, type QuizCard } from "./types";

/**
 * "Put these events in order": four date cards, shown by subject. The order
 * is only well defined if no two events tie, and a tie depends on precision:
 * "1939" and "23 August 1939" cannot be ordered. So all four are compared at
 * the coarsest precision among them and must all differ at it.
 */

export const CHRONOLOGY_PROMPT = "Put these events in order, earliest first";

export type ChronologyDraft = DistributiveOmit<ChronologyQuestion, "position">;

interface Event {
  card: QuizCard;
  date: PartialDate;
}

/**
 * Up to `count` chronology questions from `cards` (taken in the given order,
 * which the caller has shuffled), each card used at most once. Greedy: a set
 * that a cleverer search could still complete may be given up on.
 */
export function pickChronologies(cards: readonly QuizCard[], count: number, rng: Rng): { draft: ChronologyDraft; cardIds: string[] }[] {
  let pool = cards.flatMap((card): Event[] => {
    const date = cardDate(card);
    return date && usableLabel(card.subject) ? [{ card, date }] : [];
  });
  const out: { draft: ChronologyDraft; cardIds: string[] }[] = [];
  while (out.length < count) {
    const events = pickEvents(pool);
    if (!events) break;
    // A subject is asked once per quiz: its other cards leave the pool too.
    const subjects = new Set(events.map((e) => textKey(e.card.subject)));
    pool = pool.filter((e) => !subjects.has(textKey(e.card.subject)));
    out.push({ draft: chronologyQuestion(events, rng), cardIds: events.map((e) => e.card.id) });
  }
  return out;
}

/** True when the events can be ordered: pairwise distinct at their coarsest precision, distinct subjects. */
export function orderable(dates: readonly PartialDate[]): boolean {
  const p = coarsest(dates.map(precisionOf));
  return dates.every((a, i) => dates.slice(i + 1).every((b) => compareDates(a, b, p) !== 0));
}

function pickEvents(pool: readonly Event[]): Event[] | null {
  const chosen: Event[] = [];
  for (const e of pool) {
    const next = [...chosen, e];
    // Adding a coarser date can make two already chosen dates tie, so the whole set is rechecked.
    if (distinctSubjects(next) && orderable(next.map((x) => x.date))) chosen.push(e);
    if (chosen.length === CHRONOLOGY_ITEMS) return chosen;
  }
  return null;
}

function chronologyQuestion(events: readonly Event[], rng: Rng): ChronologyDraft {
  const p = coarsest(events.map((e) => precisionOf(e.date)));
  const order = [...events].sort((a, b) => compareDates(a.date, b.date, p)).map((e) => e.card.id);
  let shown = shuffle(events, rng);
  // Shown already in order, submitting without moving anything would score:
  // rotate by one, which can never be the sorted order of distinct dates.
  if (shown.every((e, i) => e.card.id === order[i])) shown = [...shown.slice(1), ...shown.slice(0, 1)];
  return {
    type: "chronology",
    cardId: null,
    prompt: CHRONOLOGY_PROMPT,
    // Item ids are card ids: opaque hashes that say nothing about the order,
    // and they let the caller report per event.
    payload: { items: shown.map((e) => ({ id: e.card.id, label: e.card.subject })) },
    key: { order },
  };
}

const distinctSubjects = (events: readonly Event[]): boolean => new Set(events.map((e) => textKey(e.card.subject))).size === events.length;

/** A label that names a year ("Treaty of 1921") would give the order away. */
const usableLabel = (subject: string): boolean => subject.trim() !== "" && !/\d{3,4}/.test(subject);

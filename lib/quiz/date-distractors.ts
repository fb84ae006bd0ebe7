import { compareDates, precisionOf, sameDate, shiftYears, type PartialDate } from "./dates";
import { shuffle, type Rng } from "./rng";
import { MCQ_OPTIONS } from "./types";

/**
 * Wrong dates for a date question. Rules, and why:
 * - Same precision as the answer: a "1922" among "16 April 1921"s gives the
 *   answer away, and a more precise distractor claims more than we know.
 * - Real dates from the deck first, near the answer (within NEARBY_YEARS):
 *   other events of the period are the plausible confusions.
 * - The answer's rank among the four dates is uniform: picking nearest
 *   neighbours from both sides would put the answer in the middle, and
 *   "choose a middle date" would beat the quiz. So we first draw how many
 *   distractors fall before the answer, then fill each side.
 * - If the deck cannot fill that split, all three are synthesised: the
 *   answer's own day and month, 1-5 years off. Never a mix: synthesised
 *   dates share the answer's day and month, so mixed with real dates the
 *   odd ones out would point at the answer.
 * - Never equal to the answer, to a date that is also correct (another card
 *   on the same subject), or to each other.
 */

export const DISTRACTORS = MCQ_OPTIONS - 1;
/** Deck dates further than this from the answer are not plausible confusions. */
export const NEARBY_YEARS = 10;
/** Synthesised dates are 1..MAX_SHIFT_YEARS years from the answer. */
export const MAX_SHIFT_YEARS = 5;

/** Three distractors, or null if even synthesis cannot find three valid dates. */
export function pickDateDistractors(
  answer: PartialDate,
  deckDates: readonly PartialDate[],
  alsoCorrect: readonly PartialDate[],
  rng: Rng,
): PartialDate[] | null {
  const forbidden = [answer, ...alsoCorrect];
  const usable = distinct(
    deckDates.filter(
      (d) =>
        precisionOf(d) === precisionOf(answer) &&
        Math.abs(d.year - answer.year) <= NEARBY_YEARS &&
        !forbidden.some((f) => sameDate(f, d)),
    ),
  );
  const earlier = nearestFirst(
    usable.filter((d) => compareDates(d, answer) < 0),
    answer,
    rng,
  );
  const later = nearestFirst(
    usable.filter((d) => compareDates(d, answer) > 0),
    answer,
    rng,
  );
  const before = rng.int(DISTRACTORS + 1);
  const after = DISTRACTORS - before;
  if (earlier.length >= before && later.length >= after) {
    return [...pickNear(earlier, before, rng), ...pickNear(later, after, rng)];
  }
  const synthesised = synthesise(answer, before, forbidden, rng);
  return synthesised.length === DISTRACTORS ? synthesised : null;
}

/** The answer moved whole years: `before` of them earlier where possible, the rest later. */
function synthesise(answer: PartialDate, before: number, forbidden: readonly PartialDate[], rng: Rng): PartialDate[] {
  const out: PartialDate[] = [];
  const fill = (sign: -1 | 1, wanted: number) => {
    for (const years of shuffle(range(1, MAX_SHIFT_YEARS), rng)) {
      if (out.length >= wanted) return;
      const d = shiftYears(answer, sign * years);
      if (d.year >= 1 && ![...forbidden, ...out].some((f) => sameDate(f, d))) out.push(d);
    }
  };
  fill(-1, before);
  // Later dates make up whatever the earlier side could not (year 1 is a floor).
  fill(1, DISTRACTORS);
  fill(-1, DISTRACTORS);
  return out;
}

/** Random order, then nearest to the answer first; the stable sort keeps ties random. */
function nearestFirst(dates: readonly PartialDate[], answer: PartialDate, rng: Rng): PartialDate[] {
  const distance = (d: PartialDate) => Math.abs(ordinal(d) - ordinal(answer));
  return shuffle(dates, rng).sort((a, b) => distance(a) - distance(b));
}

/** `count` of the 2 x count nearest, at random, so a quiz is not always the same three. */
const pickNear = (sorted: readonly PartialDate[], count: number, rng: Rng): PartialDate[] =>
  shuffle(sorted.slice(0, 2 * count), rng).slice(0, count);

/** A day number for distances only: monotone in the date, exact enough for "nearest". */
const ordinal = (d: PartialDate): number => (d.year * 12 + ((d.month ?? 1) - 1)) * 31 + ((d.day ?? 1) - 1);

function distinct(dates: readonly PartialDate[]): PartialDate[] {
  const out: PartialDate[] = [];
  for (const d of dates) if (!out.some((o) => sameDate(o, d))) out.push(d);
  return out;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

import { MAX_QUESTIONS, MIN_QUESTIONS } from "@/lib/api/quiz";
import { pickChronologies } from "./chronology";
import { buildPool, mcqOptions, type DistractorPool, type McqOptions } from "./distractors";
import { conflicts, exposureOf, revealsItself, type Exposure } from "./leaks";
import { createRng, shuffle, type Rng } from "./rng";
import { CHRONOLOGY_ITEMS, cardDate, type Question, type QuestionDraft, type QuizCard } from "./types";

/**
 * A timed quiz from a deck's cards. Deterministic: the quiz is a pure function
 * of the seed and the set of cards (their order in the input does not matter),
 * so storing the seed is enough to rebuild or audit an attempt.
 *
 * Mix: every card kind can be multiple choice; date cards are sometimes asked
 * as "type the year"; about one question in five orders four events, but only
 * when the deck has subjects to spare (a chronology uses four for one
 * question). Each subject (event) appears in at most one question, and no
 * question's text may give away another's answer (see leaks.ts).
 *
 * When the deck has fewer usable subjects than `count` (cards that cannot be
 * asked and leaks excluded), the quiz is shorter: padding with repeats would
 * reward remembering the quiz, not the history.
 */

/** One question in this many is a chronology, when there are cards to spare. */
export const CHRONOLOGY_EVERY = 5;
/** Share of date cards asked as typed-year instead of multiple choice. */
export const TYPED_YEAR_SHARE = 1 / 3;

export interface GenerateQuizInput {
  cards: readonly QuizCard[];
  /** Whole number in MIN_QUESTIONS..MAX_QUESTIONS. */
  count: number;
  seed: string;
}

export function generateQuiz({ cards, count, seed }: GenerateQuizInput): Question[] {
  if (!Number.isInteger(count) || count < MIN_QUESTIONS || count > MAX_QUESTIONS) {
    throw new RangeError(`count must be a whole number from ${MIN_QUESTIONS} to ${MAX_QUESTIONS}, got ${count}`);
  }
  const rng = createRng(seed);
  const sorted = [...cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pool = buildPool(sorted);
  const order = shuffle(sorted, rng);

  const singles = order.flatMap((card) => {
    const draft = singleQuestion(card, pool, rng);
    return draft ? [{ cardId: card.id, draft }] : [];
  });
  // A quiz asks about each subject once, so subjects, not cards, are what
  // questions are made from. Each chronology turns four would-be questions
  // into one: only as many as the surplus of usable subjects over `count` allows.
  const subjects = new Set(singles.map((s) => pool.subjects.get(s.cardId)));
  const spare = Math.max(0, subjects.size - count);
  const wanted = Math.min(Math.floor(count / CHRONOLOGY_EVERY), Math.floor(spare / (CHRONOLOGY_ITEMS - 1)));
  const chronologies = pickChronologies(order, wanted, rng);
  const used = new Set(chronologies.flatMap((c) => c.cardIds));

  // Chronologies first (they were sized against the surplus), then single
  // questions in shuffled order, skipping any that would answer, or be
  // answered by, a question already in the quiz.
  const cardsById = new Map(sorted.map((c) => [c.id, c]));
  const accepted: { draft: QuestionDraft; exposure: Exposure }[] = [];
  const candidates = [...chronologies.map((c) => c.draft), ...singles.filter((s) => !used.has(s.cardId)).map((s) => s.draft)];
  for (const draft of candidates) {
    if (accepted.length === count) break;
    const exposure = exposureOf(draft, cardsById);
    if (revealsItself(exposure) || accepted.some((a) => conflicts(a.exposure, exposure))) continue;
    accepted.push({ draft, exposure });
  }
  return shuffle(accepted, rng).map(({ draft }, position): Question => ({ ...draft, position }));
}

/** The question for one card, or null if the card cannot be asked on its own. */
function singleQuestion(card: QuizCard, pool: DistractorPool, rng: Rng): QuestionDraft | null {
  const date = cardDate(card);
  // A prompt that states its own year would answer itself.
  if (date && mentionsYear(card.prompt, date.year)) return null;
  const typed = date && date.year >= 1 ? typedYear(card, date.year) : null;
  if (typed && rng.next() < TYPED_YEAR_SHARE) return typed;
  const options = mcqOptions(card, pool, rng);
  return options ? mcq(card, options, rng) : typed;
}

function mcq(card: QuizCard, { correct, distractors }: McqOptions, rng: Rng): QuestionDraft {
  // Shuffle positions rather than texts, so the key never depends on finding a text.
  const texts = [correct, ...distractors];
  const order = shuffle(
    texts.map((_, i) => i),
    rng,
  );
  return {
    type: "mcq",
    cardId: card.id,
    prompt: card.prompt,
    payload: { options: order.map((i) => texts[i] as string) },
    key: { correctIndex: order.indexOf(0) },
  };
}

const typedYear = (card: QuizCard, year: number): QuestionDraft => ({
  type: "typed-year",
  cardId: card.id,
  prompt: `${card.prompt} Give the year.`,
  payload: {},
  key: { year },
});

const mentionsYear = (text: string, year: number): boolean => new RegExp(`(?<!\\d)${Math.abs(year)}(?!\\d)`).test(text);

import { formatDate } from "./dates";
import { textKey } from "./text";
import { cardDate, cardTerm, type QuestionDraft, type QuizCard } from "./types";

/**
 * Keeps one question from answering another. Card prompts are written on
 * their own, so they can state other cards' answers: the parties card "Which
 * states concluded the Trade Agreement (16 March 1921)?" gives away the date
 * card "When was the Anglo-Soviet Trade Agreement signed?", and a chronology
 * label "Trade Agreement between the Soviet Union and Germany" gives away who
 * concluded it. Two rules:
 * - One question per subject (event): cards on one subject are the ones that
 *   describe each other, and this is what catches most leaks.
 * - Across subjects, a question's visible text (prompt, chronology labels)
 *   must not contain a date or a term's definition that another asks for.
 *   Party lists are not matched as text: names like "the Soviet Union and
 *   Germany" recur in unrelated treaties, so matching them would block many
 *   questions for no real leak.
 * Matching is on whole words, ignoring case and punctuation.
 */

export interface Exposure {
  /** Subjects the question is about (textKey, as everywhere subjects are compared). */
  subjects: string[];
  /** Normalised visible text, padded with spaces for whole-word matching. */
  shows: string;
  /** Answers the question asks for, normalised. */
  asks: string[];
}

export function exposureOf(draft: QuestionDraft, cardsById: ReadonlyMap<string, QuizCard>): Exposure {
  const labels = draft.type === "chronology" ? draft.payload.items.map((i) => i.label) : [];
  const cards = (draft.type === "chronology" ? draft.key.order : [draft.cardId]).flatMap((id) => cardsById.get(id) ?? []);
  return {
    subjects: cards.map((c) => textKey(c.subject)).filter(Boolean),
    shows: ` ${[draft.prompt, ...labels].map(words).join(" | ")} `,
    asks: cards.flatMap(factOf).map(words).filter(Boolean),
  };
}

/** The question's own text states its answer. */
export const revealsItself = (e: Exposure): boolean => reveals(e, e);

export const conflicts = (a: Exposure, b: Exposure): boolean =>
  a.subjects.some((s) => b.subjects.includes(s)) || reveals(a, b) || reveals(b, a);

/** True if `a` shows an answer `b` asks for. */
const reveals = (a: Exposure, b: Exposure): boolean => b.asks.some((fact) => a.shows.includes(` ${fact} `));

function factOf(card: QuizCard): string[] {
  const date = cardDate(card);
  if (date) return [formatDate(date)];
  const term = cardTerm(card);
  if (term) return [term.definition];
  return card.kind === "BASIC" ? [card.answer] : [];
}

const words = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

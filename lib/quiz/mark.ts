import { answerSchema, type Question } from "./types";

/**
 * Marking, on the server, against the stored key. An answer that does not fit
 * the question's answer shape is simply wrong: marking never throws on what a
 * learner sends.
 */

export function markAnswer(question: Question, answer: unknown): boolean {
  switch (question.type) {
    case "mcq": {
      const a = answerSchema.mcq.safeParse(answer);
      return a.success && a.data.choice === question.key.correctIndex;
    }
    case "typed-year": {
      const a = answerSchema["typed-year"].safeParse(answer);
      return a.success && parseYear(a.data.text) === question.key.year;
    }
    case "chronology": {
      const a = answerSchema.chronology.safeParse(answer);
      const { order } = question.key;
      return a.success && a.data.order.length === order.length && order.every((id, i) => a.data.order[i] === id);
    }
  }
}

// "1922", "1922 AD", "AD 1922", "1922ad", "1922 A.D.", "1922 CE". Era marks
// other than AD/CE (notably BC) do not match, so "1922 BC" is not 1922.
const YEAR_TEXT = /^(?:(?:a\.?\s*d|c\.?\s*e)\.?\s*)?(\d{1,4})(?:\s*(?:a\.?\s*d|c\.?\s*e)\.?)?$/;

/** The year a learner typed, or null if the text is not just a year (AD). */
export function parseYear(text: string): number | null {
  const m = text.normalize("NFKC").trim().toLowerCase().match(YEAR_TEXT);
  if (!m?.[1]) return null;
  // An era on both sides ("AD 1922 AD") is not how anyone writes a year.
  if (/^\D/.test(m[0]) && /\D$/.test(m[0])) return null;
  const year = Number(m[1]);
  return year >= 1 ? year : null;
}

export interface AnsweredQuestion {
  question: Question;
  /** What the learner submitted; null or undefined if unanswered (counted wrong). */
  answer: unknown;
}

export interface QuizScore {
  correct: number;
  total: number;
}

/** Re-marks every answer from the keys rather than trusting a stored verdict. */
export function score(items: readonly AnsweredQuestion[]): QuizScore {
  const correct = items.filter((i) => i.answer != null && markAnswer(i.question, i.answer)).length;
  return { correct, total: items.length };
}

import { describe, expect, it } from "vitest";
import { readContentDecks, toDeckInput } from "@/lib/decks/content";
import { parseDate, sameDate, type PartialDate } from "./dates";
import { generateQuiz } from "./generate";
import { questionSchema, type Question, type QuizCard, toQuizCard } from "./types";

/**
 * Properties of quizzes generated from the curated decks in content/decks,
 * read through the same mapping the database loader uses. The checks use
 * their own small parsers and comparisons where they can, so a bug shared by
 * the generator and its helpers does not hide itself.
 */

// The source text is irrelevant to cards; the mapping to Card rows is what matters here.
const decks = readContentDecks().map((d) => ({ slug: d.slug, cards: toDeckInput(d, "").cards.map(toQuizCard) }));
const SAMPLE = 200;
const PER_QUIZ = 10;

/** Quizzes of PER_QUIZ questions over successive seeds until SAMPLE questions (or 60 seeds for a small deck). */
function sample(cards: QuizCard[]): Question[][] {
  const quizzes: Question[][] = [];
  let total = 0;
  for (let i = 0; total < SAMPLE && i < 60; i++) {
    const quiz = generateQuiz({ cards, count: PER_QUIZ, seed: `sample-${i}` });
    quizzes.push(quiz);
    total += quiz.length;
  }
  return quizzes;
}

// --- Independent checks ------------------------------------------------------

const precision = (d: PartialDate): number => (d.day !== undefined ? 3 : d.month !== undefined ? 2 : 1);
const tuple = (d: PartialDate, p: number): number[] => [d.year, p >= 2 ? (d.month ?? 0) : 0, p >= 3 ? (d.day ?? 0) : 0];
const cmp = (a: number[], b: number[]): number => a.reduce((acc, x, i) => acc || x - (b[i] ?? 0), 0);

const name = (s: string) => s.trim().replace(/\s+/g, " ").replace(/^the /i, "").toLowerCase();
const setOfNames = (names: readonly string[]) => JSON.stringify([...new Set(names.map(name))].sort());
/** A party option read back into a set: "the Soviet Union, Estonia and Latvia". */
const setOfText = (text: string) => setOfNames(text.split(/,\s*|\s+and\s+/).filter((s) => s.trim() !== ""));
const plain = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

function dateOf(card: QuizCard): PartialDate {
  if (!card.data.date) throw new Error(`${card.id} has no date`);
  return card.data.date;
}

function checkMcq(q: Extract<Question, { type: "mcq" }>, card: QuizCard) {
  const { options } = q.payload;
  expect(options).toHaveLength(4);
  expect(new Set(options.map(plain)).size).toBe(4);
  let matches: boolean[];
  if (card.kind === "DATE") {
    const answer = dateOf(card);
    const dates = options.map((o) => parseDate(o));
    for (const d of dates) {
      expect(d).not.toBeNull();
      expect(precision(d!)).toBe(precision(answer));
    }
    const keys = dates.map((d) => JSON.stringify(tuple(d!, 3)));
    expect(new Set(keys).size).toBe(4);
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(sameDate(options[i]!, options[j]!)).toBe(false);
    matches = dates.map((d) => cmp(tuple(d!, 3), tuple(answer, 3)) === 0);
  } else if (card.kind === "PARTIES") {
    const sets = options.map(setOfText);
    expect(new Set(sets).size).toBe(4);
    const answer = setOfNames(card.data.parties ?? []);
    matches = sets.map((s) => s === answer);
  } else {
    const answer = plain(card.kind === "TERM" ? (card.data.definition ?? "") : card.answer);
    matches = options.map((o) => plain(o) === answer);
  }
  expect(matches.filter(Boolean)).toHaveLength(1);
  expect(matches[q.key.correctIndex]).toBe(true);
}

function checkChronology(q: Extract<Question, { type: "chronology" }>, byId: Map<string, QuizCard>) {
  const items = q.payload.items;
  expect(items).toHaveLength(4);
  const dates = items.map((i) => dateOf(byId.get(i.id)!));
  const p = Math.min(...dates.map(precision));
  const keys = dates.map((d) => JSON.stringify(tuple(d, p)));
  expect(new Set(keys).size).toBe(4);
  const ordered = q.key.order.map((id) => tuple(dateOf(byId.get(id)!), p));
  for (let i = 1; i < 4; i++) expect(cmp(ordered[i - 1]!, ordered[i]!)).toBeLessThan(0);
  // Nothing shown hints at the order: no years in labels, not already sorted.
  for (const item of items) expect(item.label).not.toMatch(/\d{3,4}/);
  expect(items.map((i) => i.id)).not.toEqual(q.key.order);
}

/** Answers a question asks for that must not be shown by another question: dates and definitions. */
function askedTexts(q: Question, byId: Map<string, QuizCard>): string[] {
  const ids = q.type === "chronology" ? q.key.order : [q.cardId];
  return ids.flatMap((id) => {
    const card = byId.get(id)!;
    return card.kind === "DATE" || card.kind === "TERM" ? [card.answer] : [];
  });
}

const subjectsOf = (q: Question, byId: Map<string, QuizCard>): string[] =>
  (q.type === "chronology" ? q.key.order : [q.cardId]).map((id) => plain(byId.get(id)!.subject));

describe.each(decks)("deck $slug", ({ cards }) => {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const quizzes = sample(cards);
  const questions = quizzes.flat();

  it("yields a sample to check", () => {
    expect(questions.length).toBeGreaterThan(0);
  });

  it("every question is well formed and numbered in order", () => {
    for (const quiz of quizzes) {
      expect(quiz.map((q) => q.position)).toEqual(quiz.map((_, i) => i));
      for (const q of quiz) expect(questionSchema.safeParse(q).success).toBe(true);
    }
  });

  it("uses each card at most once per quiz", () => {
    for (const quiz of quizzes) {
      const ids = quiz.flatMap((q) => (q.type === "chronology" ? q.key.order : [q.cardId]));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("mcq: four distinct options, the answer exactly once and at the key", () => {
    for (const q of questions) if (q.type === "mcq") checkMcq(q, byId.get(q.cardId)!);
  });

  it("typed-year: a date card's year, not shown anywhere in the question", () => {
    for (const q of questions) {
      if (q.type !== "typed-year") continue;
      const card = byId.get(q.cardId)!;
      expect(card.kind).toBe("DATE");
      expect(q.key.year).toBe(dateOf(card).year);
      expect(q.payload).toEqual({});
      expect(JSON.stringify({ prompt: q.prompt, payload: q.payload })).not.toContain(String(q.key.year));
    }
  });

  it("chronology: distinct dates at the compared precision, key truly chronological", () => {
    for (const q of questions) if (q.type === "chronology") checkChronology(q, byId);
  });

  it("asks about each subject once per quiz", () => {
    for (const quiz of quizzes) {
      const subjects = quiz.flatMap((q) => subjectsOf(q, byId));
      expect(new Set(subjects).size).toBe(subjects.length);
    }
  });

  it("no question's text shows a date or definition another question asks for", () => {
    for (const quiz of quizzes) {
      for (const q of quiz) {
        for (const other of quiz) {
          if (other === q) continue;
          const shown = plain([other.prompt, ...(other.type === "chronology" ? other.payload.items.map((i) => i.label) : [])].join(" | "));
          for (const text of askedTexts(q, byId)) expect(shown).not.toContain(plain(text));
        }
      }
    }
  });
});

describe("the largest deck", () => {
  const largest = [...decks].sort((a, b) => b.cards.length - a.cards.length)[0];
  const questions = largest ? sample(largest.cards).flat() : [];
  // Position and rank are statistics: a bigger sample keeps the bounds loose and the test stable.
  const mcqs = largest
    ? Array.from({ length: 60 }, (_, i) => generateQuiz({ cards: largest.cards, count: 20, seed: `rank-${i}` }))
        .flat()
        .filter((q) => q.type === "mcq")
    : [];

  it(`gives a full sample of ${SAMPLE} questions of every type`, () => {
    expect(questions.length).toBeGreaterThanOrEqual(SAMPLE);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(["mcq", "typed-year", "chronology"]));
  });

  it("does not reveal the right option by its position", () => {
    const counts = [0, 1, 2, 3].map((i) => mcqs.filter((q) => q.key.correctIndex === i).length);
    for (const c of counts) expect(c).toBeGreaterThan(mcqs.length * 0.15);
  });

  it("does not reveal the right date by its rank among the options", () => {
    const byId = new Map(largest!.cards.map((c) => [c.id, c]));
    const ranks = [0, 0, 0, 0];
    let n = 0;
    for (const q of mcqs) {
      const card = byId.get(q.cardId)!;
      if (card.kind !== "DATE") continue;
      const answer = tuple(dateOf(card), 3);
      ranks[q.payload.options.filter((o) => cmp(tuple(parseDate(o)!, 3), answer) < 0).length]! += 1;
      n++;
    }
    expect(n).toBeGreaterThan(100);
    for (const r of ranks) expect(r).toBeGreaterThan(n * 0.15);
  });

  it("the party parser used by these checks reads every party card's own answer", () => {
    for (const c of largest!.cards) if (c.kind === "PARTIES") expect(setOfText(c.answer)).toBe(setOfNames(c.data.parties ?? []));
  });
});

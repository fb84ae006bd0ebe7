import { z } from "zod";
import { partialDateSchema, type PartialDate } from "@/lib/extract/types";

/**
 * Shapes shared by quiz generation, marking and whatever stores or serves a
 * quiz. Pure data: no database or HTTP here.
 */

// --- Cards -----------------------------------------------------------------

export const cardKindSchema = z.enum(["DATE", "PARTIES", "TERM", "BASIC"]);
export type QuizCardKind = z.infer<typeof cardKindSchema>;

const nonEmpty = z.string().trim().min(1);

/**
 * The structured part of a card (Card.data in the database). Every field is
 * parsed on its own and a malformed one is dropped rather than failing the
 * whole card: data is Json in the database, and one bad row must not make a
 * deck unquizzable. A card whose kind needs a field it lacks is simply not
 * eligible for the questions that need it.
 */
export const cardDataSchema = z
  .object({
    date: partialDateSchema.optional().catch(undefined),
    parties: z.array(nonEmpty).min(2).optional().catch(undefined),
    term: nonEmpty.optional().catch(undefined),
    definition: nonEmpty.optional().catch(undefined),
  })
  .catch({});
export type CardData = z.infer<typeof cardDataSchema>;

/** A card as the quiz sees it: the Card row with `data` parsed. */
export const quizCardSchema = z.object({
  id: z.string().min(1),
  kind: cardKindSchema,
  subject: z.string(),
  prompt: z.string().min(1),
  answer: z.string().min(1),
  data: cardDataSchema,
});
export type QuizCard = z.infer<typeof quizCardSchema>;

/** Parses a Card row (or anything shaped like one); throws on a row without id/kind/prompt/answer. */
export const toQuizCard = (row: unknown): QuizCard => quizCardSchema.parse(row);

/** The card's date, only for a DATE card that has one. */
export const cardDate = (card: QuizCard): PartialDate | null => (card.kind === "DATE" ? (card.data.date ?? null) : null);

/** The card's party list, only for a PARTIES card that has one. */
export const cardParties = (card: QuizCard): readonly string[] | null =>
  card.kind === "PARTIES" ? (card.data.parties ?? null) : null;

/** The card's term and definition, only for a TERM card that has both. */
export function cardTerm(card: QuizCard): { term: string; definition: string } | null {
  const { term, definition } = card.data;
  return card.kind === "TERM" && term && definition ? { term, definition } : null;
}

// --- Questions -------------------------------------------------------------

/** Multiple choice always shows this many options: the answer and three distractors. */
export const MCQ_OPTIONS = 4;
/** A chronology question orders this many events. */
export const CHRONOLOGY_ITEMS = 4;

export const questionTypeSchema = z.enum(["mcq", "typed-year", "chronology"]);
export type QuestionType = z.infer<typeof questionTypeSchema>;

const base = {
  /** 0-based place in the quiz. */
  position: z.number().int().nonnegative(),
  prompt: z.string().min(1),
};

export const mcqPayloadSchema = z.strictObject({ options: z.array(z.string().min(1)).length(MCQ_OPTIONS) });
export const mcqKeySchema = z.strictObject({ correctIndex: z.number().int().min(0).max(MCQ_OPTIONS - 1) });

export const typedYearPayloadSchema = z.strictObject({});
export const typedYearKeySchema = z.strictObject({ year: z.number().int() });

export const chronologyItemSchema = z.strictObject({ id: z.string().min(1), label: z.string().min(1) });
export const chronologyPayloadSchema = z.strictObject({ items: z.array(chronologyItemSchema).length(CHRONOLOGY_ITEMS) });
/** Item ids, earliest first. */
export const chronologyKeySchema = z.strictObject({ order: z.array(z.string().min(1)).length(CHRONOLOGY_ITEMS) });

export const mcqQuestionSchema = z.strictObject({
  ...base,
  type: z.literal("mcq"),
  cardId: z.string().min(1),
  payload: mcqPayloadSchema,
  key: mcqKeySchema,
});

export const typedYearQuestionSchema = z.strictObject({
  ...base,
  type: z.literal("typed-year"),
  cardId: z.string().min(1),
  payload: typedYearPayloadSchema,
  key: typedYearKeySchema,
});

/** Not about one card, so cardId is null; the item ids are the events' card ids. */
export const chronologyQuestionSchema = z
  .strictObject({
    ...base,
    type: z.literal("chronology"),
    cardId: z.null(),
    payload: chronologyPayloadSchema,
    key: chronologyKeySchema,
  })
  .refine((q) => sameMembers(q.key.order, q.payload.items.map((i) => i.id)), {
    message: "the key must order exactly the items shown",
    path: ["key", "order"],
  });

export const questionSchema = z.discriminatedUnion("type", [mcqQuestionSchema, typedYearQuestionSchema, chronologyQuestionSchema]);
export type Question = z.infer<typeof questionSchema>;
export type McqQuestion = z.infer<typeof mcqQuestionSchema>;
export type TypedYearQuestion = z.infer<typeof typedYearQuestionSchema>;
export type ChronologyQuestion = z.infer<typeof chronologyQuestionSchema>;

/** A question before it is given its place in the quiz. */
export type QuestionDraft = DistributiveOmit<Question, "position">;

/** What may be sent to the learner: everything but the key. */
export type PublicQuestion = DistributiveOmit<Question, "key">;
export function toPublicQuestion(question: Question): PublicQuestion {
  const { key: _key, ...rest } = question;
  return rest;
}

// --- Answers ---------------------------------------------------------------

/**
 * What a learner submits, per question type. Bounded so a hostile request
 * cannot make marking do unbounded work.
 */
export const answerSchema = {
  mcq: z.strictObject({ choice: z.number().int().min(0).max(MCQ_OPTIONS - 1) }),
  "typed-year": z.strictObject({ text: z.string().max(100) }),
  chronology: z.strictObject({ order: z.array(z.string().max(100)).max(CHRONOLOGY_ITEMS) }),
} as const satisfies Record<QuestionType, z.ZodType>;
export type Answer<T extends QuestionType = QuestionType> = z.infer<(typeof answerSchema)[T]>;

// --- Helpers ---------------------------------------------------------------

/** Omit that keeps a union discriminated (plain Omit collapses it). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && set.size === a.length && b.every((x) => set.has(x));
}

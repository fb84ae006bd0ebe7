// Quiz attempts, with the clock on the server: an attempt carries its deadline; answers are
// accepted once per question, from the owner, until the deadline plus a small grace for
// latency (clock.ts); keys never leave the server before the attempt ends. Quiz answers do
// not touch FSRS state: recognising an option is not recalling it. The statements and
// their locks are in store.ts; decideAnswer is the pure rule an answer goes through.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { AttemptDto, CreateAttempt, ResultDto } from "@/lib/api/quiz";
import { studyableDeckIds } from "@/lib/decks/store";
import { getSettings } from "@/lib/learner/settings-store";
import { toSrsParams } from "@/lib/learner/settings";
import { retrievabilityFor } from "@/lib/srs/retrievability";
import { pickAtRisk } from "./at-risk";
import { answersCloseAt, effectiveDeadline, GRACE_SEC, stillOpen } from "./clock";
import { generateQuiz } from "./generate";
import { markAnswer } from "./mark";
import { resultsHiddenUntil } from "./running";
import {
  assignmentForStudent, deckQuizCards, finishAttempt, holdSeat, insertAttempt, lockAttempt, lockSeat, ownAttempt as findOwnAttempt,
  provenanceOf, questionOfAttempt, quizCardsById, recentAttempts, recordAnswer, studiedStates, TX, type LockedAttempt, type Tx,
} from "./store";
import { answerSchema, questionSchema, type Question, type QuizCard } from "./types";

type Plan = { cards: QuizCard[]; count: number; timeLimitSec: number; deckId: string | null; assignmentId: string | null; factor: number; closesAt: Date | null };

async function deckPlan(db: PrismaClient, userId: string, deckId: string): Promise<QuizCard[]> {
  const [visible] = await studyableDeckIds(db, userId, deckId);
  if (!visible) throw new DomainError("not_found", "No such deck.");
  return deckQuizCards(db, deckId);
}

/** The learner's studied cards with the lowest predicted recall right now. */
async function atRiskPlan(db: PrismaClient, userId: string, count: number, now: Date): Promise<QuizCard[]> {
  const recall = retrievabilityFor(toSrsParams(await getSettings(db, userId)));
  const states = await studiedStates(db, userId, await studyableDeckIds(db, userId));
  // Three times the count, so the generator has room to drop cards it cannot ask.
  const picked = pickAtRisk(states.map((s) => ({ cardId: s.cardId, retrievability: recall(s.state, now) })), count * 3);
  return quizCardsById(db, picked.map((p) => p.cardId));
}

/** The assignment if this student may start an attempt of it now: in the class, in its window, within its attempt limit. */
async function openAssignment(db: PrismaClient | Tx, userId: string, assignmentId: string, now: Date) {
  const a = await assignmentForStudent(db, userId, assignmentId);
  if (!a) throw new DomainError("not_found", "No such quiz assignment.");
  if (a.opensAt && now < a.opensAt) throw new DomainError("conflict", `This quiz opens at ${a.opensAt.toISOString()}.`);
  if (a.closesAt && now > a.closesAt) throw new DomainError("conflict", "This quiz has closed.");
  if (a.attempts !== null && a._count.quizAttempts >= a.attempts) {
    throw new DomainError("conflict", `You have used all ${a.attempts} attempt${a.attempts === 1 ? "" : "s"} of this quiz.`);
  }
  return a;
}

async function assignmentPlan(db: PrismaClient, userId: string, assignmentId: string, now: Date): Promise<Plan> {
  // Checked here to fail fast, and again under the lock in createAttempt.
  const a = await openAssignment(db, userId, assignmentId, now);
  return {
    cards: await deckQuizCards(db, a.deckId),
    count: a.count ?? 10,
    timeLimitSec: a.timeLimitSec ?? 600,
    deckId: a.deckId,
    assignmentId: a.id,
    factor: a.accommodations[0]?.timeFactor ?? 1,
    closesAt: a.closesAt,
  };
}

/**
 * Locks the student's enrollment in the assignment's class for the rest of the transaction and
 * checks the assignment again: parallel starts queue here, and each counts the attempts the
 * ones before it committed (under READ COMMITTED every statement sees the latest commits).
 */
async function takeSeat(tx: Tx, userId: string, assignmentId: string, now: Date): Promise<void> {
  if (!(await lockSeat(tx, userId, assignmentId))) throw new DomainError("not_found", "No such quiz assignment.");
  await openAssignment(tx, userId, assignmentId, now);
}

export async function createAttempt(db: PrismaClient, userId: string, input: CreateAttempt, now = new Date(), seed: string = randomUUID()): Promise<AttemptDto> {
  const plan: Plan =
    "assignmentId" in input
      ? await assignmentPlan(db, userId, input.assignmentId, now)
      : "deckId" in input
        ? { cards: await deckPlan(db, userId, input.deckId), count: input.count, timeLimitSec: input.timeLimitSec, deckId: input.deckId, assignmentId: null, factor: 1, closesAt: null }
        : { cards: await atRiskPlan(db, userId, input.count, now), count: input.count, timeLimitSec: input.timeLimitSec, deckId: null, assignmentId: null, factor: 1, closesAt: null };
  const questions = generateQuiz({ cards: plan.cards, count: plan.count, seed });
  if (questions.length === 0) {
    throw new DomainError(
      "validation_failed",
      "deckId" in input || "assignmentId" in input ? "This deck has too few cards that can be asked in a quiz." : "Study some cards first: an at-risk quiz uses cards you have reviewed.",
    );
  }
  // An assigned attempt ends when the quiz closes at the latest, whatever its time limit.
  const deadline = effectiveDeadline(new Date(now.getTime() + Math.round(plan.timeLimitSec * plan.factor * 1000)), plan.closesAt);
  const attemptId = await db.$transaction(async (tx) => {
    if (plan.assignmentId) await takeSeat(tx, userId, plan.assignmentId, now);
    return insertAttempt(tx, { userId, deckId: plan.deckId, assignmentId: plan.assignmentId, seed, startedAt: now, deadline }, questions);
  }, TX);
  return getAttempt(db, userId, attemptId, now);
}

async function ownAttempt(db: PrismaClient, userId: string, id: string) {
  const attempt = await findOwnAttempt(db, userId, id);
  if (!attempt) throw new DomainError("not_found", "No such quiz attempt.");
  return attempt;
}

async function lockOwnAttempt(tx: Tx, userId: string, id: string, mode: "share" | "update"): Promise<LockedAttempt> {
  const row = await lockAttempt(tx, userId, id, mode);
  if (!row) throw new DomainError("not_found", "No such quiz attempt.");
  return row;
}

export async function getAttempt(db: PrismaClient, userId: string, id: string, now = new Date()): Promise<AttemptDto> {
  const a = await ownAttempt(db, userId, id);
  return {
    id: a.id,
    deckId: a.deckId,
    deckTitle: a.deck?.title ?? null,
    assignmentId: a.assignmentId,
    startedAt: a.startedAt.toISOString(),
    deadline: a.deadline.toISOString(),
    serverNow: now.toISOString(),
    graceSec: GRACE_SEC,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    finished: a.submittedAt !== null || !stillOpen(a.deadline, now),
    questions: a.questions.map((q) => ({ id: q.id, position: q.position, type: q.type as Question["type"], prompt: q.prompt, payload: q.payload, answered: q.answeredAt !== null })),
  };
}

function storedQuestion(q: { position: number; type: string; cardId: string | null; prompt: string; payload: unknown; key: unknown }): Question {
  return questionSchema.parse({ position: q.position, type: q.type, cardId: q.cardId, prompt: q.prompt, payload: q.payload, key: q.key });
}

/** What an answer found: the attempt (locked), the question (null: not in this attempt), whether the student still has a seat in its class (null: no class). */
export type AnswerContext = { attempt: LockedAttempt; question: { type: string; position: number; cardId: string | null; prompt: string; payload: unknown; key: unknown } | null; seated: boolean | null };

export type AnswerDecision = { kind: "refuse"; error: DomainError } | { kind: "record"; answer: Prisma.InputJsonValue; correct: boolean; answeredAt: Date };

/** Whether an answer counts, and how it is marked: pure, from what the store read and the clock. */
export function decideAnswer(ctx: AnswerContext, answer: unknown, now: Date): AnswerDecision {
  const refuse = (code: "not_found" | "conflict" | "validation_failed", message: string): AnswerDecision => ({ kind: "refuse", error: new DomainError(code, message) });
  if (!ctx.question) return refuse("not_found", "No such question in this attempt.");
  if (ctx.attempt.submittedAt) return refuse("conflict", "This quiz was already submitted.");
  if (!stillOpen(ctx.attempt.deadline, now)) return refuse("conflict", "Time is up: answers after the deadline are not counted.");
  if (ctx.seated === false) return refuse("conflict", "You are no longer in the class of this quiz, so it takes no more answers.");
  const question = storedQuestion(ctx.question);
  const parsed = answerSchema[question.type].safeParse(answer);
  if (!parsed.success) return refuse("validation_failed", `This answer does not fit a ${question.type} question.`);
  return { kind: "record", answer: parsed.data, correct: markAnswer(question, parsed.data), answeredAt: now };
}

export async function answerQuestion(db: PrismaClient, userId: string, attemptId: string, questionId: string, answer: unknown, now = new Date()): Promise<{ accepted: true }> {
  return db.$transaction(async (tx) => {
    // FOR SHARE: answers to different questions go side by side; a submit waits for them.
    const attempt = await lockOwnAttempt(tx, userId, attemptId, "share");
    const question = await questionOfAttempt(tx, userId, attemptId, questionId);
    // Only an answer that could still count holds the seat.
    const mayCount = question !== null && !attempt.submittedAt && stillOpen(attempt.deadline, now);
    const seated = attempt.classId && mayCount ? await holdSeat(tx, userId, attempt.classId) : null;
    const decision = decideAnswer({ attempt, question, seated }, answer, now);
    if (decision.kind === "refuse") throw decision.error;
    const { kind: _, ...write } = decision;
    if (!(await recordAnswer(tx, userId, attemptId, questionId, write))) {
      throw new DomainError("conflict", "This question was already answered (or the quiz has ended).");
    }
    return { accepted: true as const };
  }, TX);
}

/** Ends the attempt (idempotent) and records its score, counted from the stored answers. */
export async function submitAttempt(db: PrismaClient, userId: string, id: string, now = new Date()): Promise<ResultDto> {
  await db.$transaction(async (tx) => {
    const a = await lockOwnAttempt(tx, userId, id, "update");
    if (!a.submittedAt) await finishAttempt(tx, id, now < a.deadline ? now : a.deadline);
  }, TX);
  try {
    return await results(db, userId, id, now);
  } catch (err) {
    // Submitted all the same: say so, rather than only that the results are closed.
    if (err instanceof DomainError && err.details?.hiddenUntil) {
      throw new DomainError("conflict", "Submitted. Its results show answers of the quiz you are taking now, so they open when that quiz ends.", err.details);
    }
    throw err;
  }
}

function describeAnswer(q: Question, answer: unknown): string | null {
  if (answer == null) return null;
  switch (q.type) {
    case "mcq": {
      const a = answerSchema.mcq.safeParse(answer);
      return a.success ? (q.payload.options[a.data.choice] ?? null) : null;
    }
    case "typed-year": {
      const a = answerSchema["typed-year"].safeParse(answer);
      return a.success ? a.data.text : null;
    }
    case "chronology": {
      const a = answerSchema.chronology.safeParse(answer);
      const label = new Map(q.payload.items.map((i) => [i.id, i.label]));
      return a.success ? a.data.order.map((id) => label.get(id) ?? "?").join(" → ") : null;
    }
  }
}

function correctAnswer(q: Question): string {
  switch (q.type) {
    case "mcq":
      return q.payload.options[q.key.correctIndex]!;
    case "typed-year":
      return String(q.key.year);
    case "chronology": {
      const label = new Map(q.payload.items.map((i) => [i.id, i.label]));
      return q.key.order.map((id) => label.get(id)!).join(" → ");
    }
  }
}

export async function results(db: PrismaClient, userId: string, id: string, now = new Date()): Promise<ResultDto> {
  let a = await ownAttempt(db, userId, id);
  if (!a.submittedAt) {
    const running = new DomainError("conflict", "The quiz is still running: submit it or wait for the deadline to see the results.");
    if (stillOpen(a.deadline, now)) throw running;
    // The clock ran out without a submit: the attempt ends at its deadline.
    await db.$transaction(async (tx) => {
      const locked = await lockOwnAttempt(tx, userId, id, "update");
      if (locked.submittedAt) return;
      if (stillOpen(locked.deadline, now)) throw running;
      await finishAttempt(tx, id, locked.deadline);
    }, TX);
    a = await ownAttempt(db, userId, id);
  }
  // The keys of these cards would answer the student's running assigned quiz.
  const hiddenUntil = await resultsHiddenUntil(db, userId, id, now);
  if (hiddenUntil) {
    throw new DomainError("conflict", "These results show answers of the quiz you are taking now: they open when that quiz ends.", {
      hiddenUntil: answersCloseAt(hiddenUntil).toISOString(),
    });
  }
  const cardIds = a.questions.map((q) => q.cardId).filter((c): c is string => c !== null);
  const cards = await provenanceOf(db, cardIds);
  const finishedAt = a.submittedAt!;
  return {
    id: a.id,
    deckTitle: a.deck?.title ?? null,
    startedAt: a.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    timeTakenSec: Math.round((finishedAt.getTime() - a.startedAt.getTime()) / 1000),
    score: a.score ?? 0,
    total: a.questions.length,
    questions: a.questions.map((row) => {
      const q = storedQuestion(row);
      const provenance = row.cardId ? cards.get(row.cardId) : undefined;
      return {
        id: row.id,
        position: row.position,
        type: q.type,
        prompt: q.prompt,
        payload: q.payload,
        answer: row.answer ?? null,
        yourAnswer: describeAnswer(q, row.answer),
        correctAnswer: correctAnswer(q),
        correct: row.correct === true,
        provenance: provenance ?? null,
      };
    }),
  };
}

/** The learner's latest attempts; `running`: not submitted and its clock has not run out. */
export async function listAttempts(db: PrismaClient, userId: string, now = new Date()) {
  const rows = await recentAttempts(db, userId);
  return rows.map((r) => ({
    id: r.id,
    deckTitle: r.deck?.title ?? null,
    assignmentId: r.assignmentId,
    startedAt: r.startedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    score: r.score,
    total: r._count.questions,
    running: r.submittedAt === null && stillOpen(r.deadline, now),
  }));
}

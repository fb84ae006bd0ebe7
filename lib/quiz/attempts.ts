// Quiz attempts in the database, with the clock on the server: an attempt carries its
// deadline; answers are accepted once per question, from the owner, until the deadline
// plus a small grace for latency; keys never leave the server before the attempt ends.
// Quiz answers do not touch FSRS state: recognising an option is not recalling it.
//
// Concurrency: answers and the submit meet on the attempt row (answers take it FOR SHARE,
// ending an attempt FOR UPDATE), so an accepted answer is always in the score and none is
// accepted after it; parallel starts of one student's assigned quiz meet on their
// enrollment row (FOR UPDATE), so the attempt limit is counted after the previous start committed.
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import type { AttemptDto, CreateAttempt, ResultDto } from "@/lib/api/quiz";
import { studyableDeckIds } from "@/lib/decks/studyable";
import { settingsOfUser, toSrsParams } from "@/lib/learner/settings";
import { stateOfRow } from "@/lib/srs/row";
import { retrievabilityFor } from "@/lib/srs/retrievability";
import { pickAtRisk } from "./at-risk";
import { answersCloseAt, effectiveDeadline, GRACE_SEC } from "./clock";
import { generateQuiz } from "./generate";
import { markAnswer } from "./mark";
import { resultsHiddenUntil } from "./running";
import { answerSchema, questionSchema, toQuizCard, type Question, type QuizCard } from "./types";

export { GRACE_SEC };

type Tx = Prisma.TransactionClient;
/** These transactions may queue on a row lock: Prisma's defaults (2 s to get a connection, 5 s in all) would turn a burst of parallel requests into errors. */
const TX = { maxWait: 10_000, timeout: 15_000 };

type Plan = { cards: QuizCard[]; count: number; timeLimitSec: number; deckId: string | null; assignmentId: string | null; factor: number; closesAt: Date | null };

async function deckPlan(db: PrismaClient, userId: string, deckId: string): Promise<QuizCard[]> {
  const [visible] = await studyableDeckIds(db, userId, deckId);
  if (!visible) throw new ApiError("not_found", "No such deck.");
  const rows = await db.card.findMany({ where: { deckId, retiredAt: null }, select: { id: true, kind: true, subject: true, prompt: true, answer: true, data: true } });
  return rows.map(toQuizCard);
}

/** The learner's studied cards with the lowest predicted recall right now. */
async function atRiskPlan(db: PrismaClient, userId: string, count: number, now: Date): Promise<QuizCard[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { settings: true, timezone: true, rolloverHour: true } });
  const recall = retrievabilityFor(toSrsParams(settingsOfUser(user)));
  const deckIds = await studyableDeckIds(db, userId);
  const states = await db.cardState.findMany({ where: { userId, state: { not: 0 }, card: { deckId: { in: deckIds }, retiredAt: null } } });
  // Three times the count, so the generator has room to drop cards it cannot ask.
  const picked = pickAtRisk(states.map((s) => ({ cardId: s.cardId, retrievability: recall(stateOfRow(s), now) })), count * 3);
  const rows = await db.card.findMany({ where: { id: { in: picked.map((p) => p.cardId) } }, select: { id: true, kind: true, subject: true, prompt: true, answer: true, data: true } });
  return rows.map(toQuizCard);
}

/** The assignment if this student may start an attempt of it now: in the class, in its window, within its attempt limit. */
async function openAssignment(db: PrismaClient | Tx, userId: string, assignmentId: string, now: Date) {
  const a = await db.assignment.findFirst({
    where: { id: assignmentId, kind: "QUIZ", class: { archivedAt: null, enrollments: { some: { userId } } } },
    include: { accommodations: { where: { userId } }, _count: { select: { quizAttempts: { where: { userId } } } } },
  });
  if (!a) throw new ApiError("not_found", "No such quiz assignment.");
  if (a.opensAt && now < a.opensAt) throw new ApiError("conflict", `This quiz opens at ${a.opensAt.toISOString()}.`);
  if (a.closesAt && now > a.closesAt) throw new ApiError("conflict", "This quiz has closed.");
  if (a.attempts !== null && a._count.quizAttempts >= a.attempts) {
    throw new ApiError("conflict", `You have used all ${a.attempts} attempt${a.attempts === 1 ? "" : "s"} of this quiz.`);
  }
  return a;
}

async function assignmentPlan(db: PrismaClient, userId: string, assignmentId: string, now: Date): Promise<Plan> {
  // Checked here to fail fast, and again under the lock in createAttempt.
  const a = await openAssignment(db, userId, assignmentId, now);
  const rows = await db.card.findMany({ where: { deckId: a.deckId, retiredAt: null }, select: { id: true, kind: true, subject: true, prompt: true, answer: true, data: true } });
  return {
    cards: rows.map(toQuizCard),
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
async function lockSeat(tx: Tx, userId: string, assignmentId: string, now: Date): Promise<void> {
  const seat = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "Enrollment" e JOIN "Assignment" a ON a."classId" = e."classId"
     WHERE a.id = ${assignmentId}::uuid AND e."userId" = ${userId}::uuid
       FOR UPDATE OF e`;
  if (seat.length === 0) throw new ApiError("not_found", "No such quiz assignment.");
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
    throw new ApiError(
      "validation_failed",
      "deckId" in input || "assignmentId" in input ? "This deck has too few cards that can be asked in a quiz." : "Study some cards first: an at-risk quiz uses cards you have reviewed.",
    );
  }
  // An assigned attempt ends when the quiz closes at the latest, whatever its time limit.
  const deadline = effectiveDeadline(new Date(now.getTime() + Math.round(plan.timeLimitSec * plan.factor * 1000)), plan.closesAt);
  const attempt = await db.$transaction(async (tx) => {
    if (plan.assignmentId) await lockSeat(tx, userId, plan.assignmentId, now);
    const created = await tx.quizAttempt.create({ data: { userId, deckId: plan.deckId, assignmentId: plan.assignmentId, seed, startedAt: now, deadline } });
    await tx.quizQuestion.createMany({
      data: questions.map((q) => ({ attemptId: created.id, userId, position: q.position, cardId: q.cardId, type: q.type, prompt: q.prompt, payload: q.payload, key: q.key })),
    });
    return created;
  }, TX);
  return getAttempt(db, userId, attempt.id, now);
}

async function ownAttempt(db: PrismaClient, userId: string, id: string) {
  const attempt = await db.quizAttempt.findFirst({
    where: { id, userId },
    include: { deck: { select: { title: true } }, assignment: { select: { closesAt: true } }, questions: { orderBy: { position: "asc" } } },
  });
  if (!attempt) throw new ApiError("not_found", "No such quiz attempt.");
  return { ...attempt, deadline: effectiveDeadline(attempt.deadline, attempt.assignment?.closesAt) };
}

type LockedAttempt = { submittedAt: Date | null; deadline: Date; closesAt: Date | null; classId: string | null };

/** The attempt's row, locked for the rest of the transaction, with its assignment's closing time and class. */
async function lockAttempt(tx: Tx, userId: string, id: string, mode: "share" | "update"): Promise<LockedAttempt> {
  const lock = mode === "share" ? Prisma.sql`FOR SHARE OF q` : Prisma.sql`FOR UPDATE OF q`;
  const [row] = await tx.$queryRaw<LockedAttempt[]>`
    SELECT q."submittedAt", q.deadline, a."closesAt", a."classId"
      FROM "QuizAttempt" q LEFT JOIN "Assignment" a ON a.id = q."assignmentId"
     WHERE q.id = ${id}::uuid AND q."userId" = ${userId}::uuid ${lock}`;
  if (!row) throw new ApiError("not_found", "No such quiz attempt.");
  return { ...row, deadline: effectiveDeadline(row.deadline, row.closesAt) };
}

/**
 * Ends an unsubmitted attempt at `finishedAt` with the score of the answers stored by then.
 * Runs under the FOR UPDATE lock: answers in flight have committed (they hold FOR SHARE),
 * later ones find it submitted, and this statement's snapshot sees every one of them.
 */
async function finish(tx: Tx, id: string, finishedAt: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "QuizAttempt" SET "submittedAt" = ${finishedAt},
           score = (SELECT count(*) FROM "QuizQuestion" WHERE "attemptId" = ${id}::uuid AND correct)::int
     WHERE id = ${id}::uuid AND "submittedAt" IS NULL`;
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
    finished: a.submittedAt !== null || now > answersCloseAt(a.deadline),
    questions: a.questions.map((q) => ({ id: q.id, position: q.position, type: q.type as Question["type"], prompt: q.prompt, payload: q.payload, answered: q.answeredAt !== null })),
  };
}

function storedQuestion(q: { position: number; type: string; cardId: string | null; prompt: string; payload: unknown; key: unknown }): Question {
  return questionSchema.parse({ position: q.position, type: q.type, cardId: q.cardId, prompt: q.prompt, payload: q.payload, key: q.key });
}

export async function answerQuestion(db: PrismaClient, userId: string, attemptId: string, questionId: string, answer: unknown, now = new Date()): Promise<{ accepted: true }> {
  return db.$transaction(async (tx) => {
    // FOR SHARE: answers to different questions go side by side; a submit waits for them.
    const a = await lockAttempt(tx, userId, attemptId, "share");
    const row = await tx.quizQuestion.findFirst({ where: { id: questionId, attemptId, userId } });
    if (!row) throw new ApiError("not_found", "No such question in this attempt.");
    if (a.submittedAt) throw new ApiError("conflict", "This quiz was already submitted.");
    if (now > answersCloseAt(a.deadline)) throw new ApiError("conflict", "Time is up: answers after the deadline are not counted.");
    if (a.classId) {
      // KEY SHARE keeps the enrollment from being deleted until this answer is stored: a
      // removal either comes after it or is seen here.
      const seat = await tx.$queryRaw<{ one: number }[]>`
        SELECT 1 AS one FROM "Enrollment" WHERE "classId" = ${a.classId}::uuid AND "userId" = ${userId}::uuid FOR KEY SHARE`;
      if (seat.length === 0) throw new ApiError("conflict", "You are no longer in the class of this quiz, so it takes no more answers.");
    }
    const question = storedQuestion(row);
    const parsed = answerSchema[question.type].safeParse(answer);
    if (!parsed.success) throw new ApiError("validation_failed", `This answer does not fit a ${question.type} question.`);
    // Conditional: of two answers to one question, the second matches no row.
    const { count } = await tx.quizQuestion.updateMany({
      where: { id: questionId, attemptId, userId, answeredAt: null },
      data: { answer: parsed.data, correct: markAnswer(question, parsed.data), answeredAt: now },
    });
    if (count === 0) throw new ApiError("conflict", "This question was already answered (or the quiz has ended).");
    return { accepted: true as const };
  }, TX);
}

/** Ends the attempt (idempotent) and records its score, counted from the stored answers. */
export async function submitAttempt(db: PrismaClient, userId: string, id: string, now = new Date()): Promise<ResultDto> {
  await db.$transaction(async (tx) => {
    const a = await lockAttempt(tx, userId, id, "update");
    if (!a.submittedAt) await finish(tx, id, now < a.deadline ? now : a.deadline);
  }, TX);
  try {
    return await results(db, userId, id, now);
  } catch (err) {
    // Submitted all the same: say so, rather than only that the results are closed.
    if (err instanceof ApiError && err.details?.hiddenUntil) {
      throw new ApiError("conflict", "Submitted. Its results show answers of the quiz you are taking now, so they open when that quiz ends.", err.details);
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
    const running = new ApiError("conflict", "The quiz is still running: submit it or wait for the deadline to see the results.");
    if (now <= answersCloseAt(a.deadline)) throw running;
    // The clock ran out without a submit: the attempt ends at its deadline.
    await db.$transaction(async (tx) => {
      const locked = await lockAttempt(tx, userId, id, "update");
      if (locked.submittedAt) return;
      if (now <= answersCloseAt(locked.deadline)) throw running;
      await finish(tx, id, locked.deadline);
    }, TX);
    a = await ownAttempt(db, userId, id);
  }
  // The keys of these cards would answer the student's running assigned quiz.
  const hiddenUntil = await resultsHiddenUntil(db, userId, id, now);
  if (hiddenUntil) {
    throw new ApiError("conflict", "These results show answers of the quiz you are taking now: they open when that quiz ends.", {
      hiddenUntil: answersCloseAt(hiddenUntil).toISOString(),
    });
  }
  const cardIds = a.questions.map((q) => q.cardId).filter((c): c is string => c !== null);
  const cards = new Map(
    (await db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true, quote: true, citation: true, deck: { select: { source: { select: { title: true } } } } } })).map((c) => [c.id, c]),
  );
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
      const card = row.cardId ? cards.get(row.cardId) : undefined;
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
        provenance: card ? { quote: card.quote, citation: card.citation, source: card.deck.source?.title ?? null } : null,
      };
    }),
  };
}

export async function listAttempts(db: PrismaClient, userId: string) {
  const rows = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { startedAt: "desc" },
    take: 50,
    select: { id: true, startedAt: true, deadline: true, submittedAt: true, score: true, deck: { select: { title: true } }, assignmentId: true, _count: { select: { questions: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    deckTitle: r.deck?.title ?? null,
    assignmentId: r.assignmentId,
    startedAt: r.startedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    score: r.score,
    total: r._count.questions,
  }));
}

// The quiz aggregate's storage: every statement on QuizAttempt and QuizQuestion, the cards a
// quiz is drawn from (one column list) and the learner states an at-risk quiz reads. The
// rules live in attempts.ts (decideAnswer and the starts), clock.ts (the deadline and its
// grace) and running.ts.
//
// Concurrency: answers and the submit meet on the attempt row (answers take it FOR SHARE,
// ending an attempt FOR UPDATE), so an accepted answer is always in the score and none is
// accepted after it; parallel starts of one student's assigned quiz meet on their
// enrollment row (FOR UPDATE), so the attempt limit is counted after the previous start committed.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { stateOfRow } from "@/lib/srs/row";
import type { SrsState } from "@/lib/srs/state";
import { effectiveDeadline, openSince } from "./clock";
import { toQuizCard, type Question, type QuizCard } from "./types";

export type Tx = Prisma.TransactionClient;
/** These transactions may queue on a row lock: Prisma's defaults (2 s to get a connection, 5 s in all) would turn a burst of parallel requests into errors. */
export const TX = { maxWait: 10_000, timeout: 15_000 };

/** The columns a question is generated from (types.ts quizCardSchema). */
const quizCardColumns = { id: true, kind: true, subject: true, prompt: true, answer: true, data: true } as const;

/** The live cards of a deck, as quiz cards. */
export async function deckQuizCards(db: PrismaClient, deckId: string): Promise<QuizCard[]> {
  return (await db.card.findMany({ where: { deckId, retiredAt: null }, select: quizCardColumns })).map(toQuizCard);
}

export async function quizCardsById(db: PrismaClient, ids: string[]): Promise<QuizCard[]> {
  return (await db.card.findMany({ where: { id: { in: ids } }, select: quizCardColumns })).map(toQuizCard);
}

/** The learner's studied live cards in these decks, with their states. */
export async function studiedStates(db: PrismaClient, userId: string, deckIds: string[]): Promise<{ cardId: string; state: SrsState | null }[]> {
  const rows = await db.cardState.findMany({ where: { userId, state: { not: 0 }, card: { deckId: { in: deckIds }, retiredAt: null } } });
  return rows.map((s) => ({ cardId: s.cardId, state: stateOfRow(s) }));
}

/** A quiz assignment of a live class the student is in, with their accommodation and how many attempts they started. */
export function assignmentForStudent(db: PrismaClient | Tx, userId: string, assignmentId: string) {
  return db.assignment.findFirst({
    where: { id: assignmentId, kind: "QUIZ", class: { archivedAt: null, enrollments: { some: { userId } } } },
    include: { accommodations: { where: { userId } }, _count: { select: { quizAttempts: { where: { userId } } } } },
  });
}

/** Locks the student's enrollment in the assignment's class for the rest of the transaction; false when there is none. */
export async function lockSeat(tx: Tx, userId: string, assignmentId: string): Promise<boolean> {
  const seat = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "Enrollment" e JOIN "Assignment" a ON a."classId" = e."classId"
     WHERE a.id = ${assignmentId}::uuid AND e."userId" = ${userId}::uuid
       FOR UPDATE OF e`;
  return seat.length > 0;
}

export type NewAttempt = { userId: string; deckId: string | null; assignmentId: string | null; seed: string; startedAt: Date; deadline: Date };

/** The attempt and its questions (keys included: they never leave the server before the attempt ends). */
export async function insertAttempt(tx: Tx, a: NewAttempt, questions: Question[]): Promise<string> {
  const created = await tx.quizAttempt.create({ data: a });
  await tx.quizQuestion.createMany({
    data: questions.map((q) => ({ attemptId: created.id, userId: a.userId, position: q.position, cardId: q.cardId, type: q.type, prompt: q.prompt, payload: q.payload, key: q.key })),
  });
  return created.id;
}

/** The learner's own attempt with its questions, its deadline as it stands (effectiveDeadline); null when there is none. */
export async function ownAttempt(db: PrismaClient, userId: string, id: string) {
  const attempt = await db.quizAttempt.findFirst({
    where: { id, userId },
    include: { deck: { select: { title: true } }, assignment: { select: { closesAt: true } }, questions: { orderBy: { position: "asc" } } },
  });
  return attempt && { ...attempt, deadline: effectiveDeadline(attempt.deadline, attempt.assignment?.closesAt) };
}

export type LockedAttempt = { submittedAt: Date | null; deadline: Date; closesAt: Date | null; classId: string | null };

/** The attempt's row, locked for the rest of the transaction, with its assignment's closing time and class; null when it is not the learner's. */
export async function lockAttempt(tx: Tx, userId: string, id: string, mode: "share" | "update"): Promise<LockedAttempt | null> {
  const lock = mode === "share" ? Prisma.sql`FOR SHARE OF q` : Prisma.sql`FOR UPDATE OF q`;
  const [row] = await tx.$queryRaw<LockedAttempt[]>`
    SELECT q."submittedAt", q.deadline, a."closesAt", a."classId"
      FROM "QuizAttempt" q LEFT JOIN "Assignment" a ON a.id = q."assignmentId"
     WHERE q.id = ${id}::uuid AND q."userId" = ${userId}::uuid ${lock}`;
  return row ? { ...row, deadline: effectiveDeadline(row.deadline, row.closesAt) } : null;
}

/**
 * Ends an unsubmitted attempt at `finishedAt` with the score of the answers stored by then.
 * Runs under the FOR UPDATE lock: answers in flight have committed (they hold FOR SHARE),
 * later ones find it submitted, and this statement's snapshot sees every one of them.
 */
export async function finishAttempt(tx: Tx, id: string, finishedAt: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "QuizAttempt" SET "submittedAt" = ${finishedAt},
           score = (SELECT count(*) FROM "QuizQuestion" WHERE "attemptId" = ${id}::uuid AND correct)::int
     WHERE id = ${id}::uuid AND "submittedAt" IS NULL`;
}

export function questionOfAttempt(tx: Tx, userId: string, attemptId: string, questionId: string) {
  return tx.quizQuestion.findFirst({ where: { id: questionId, attemptId, userId } });
}

/**
 * Whether the student is still in the class. KEY SHARE keeps the enrollment from being
 * deleted until this answer is stored: a removal either comes after it or is seen here.
 */
export async function holdSeat(tx: Tx, userId: string, classId: string): Promise<boolean> {
  const seat = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "Enrollment" WHERE "classId" = ${classId}::uuid AND "userId" = ${userId}::uuid FOR KEY SHARE`;
  return seat.length > 0;
}

/** Stores an answer unless the question already has one (of two answers to one question, the second matches no row). */
export async function recordAnswer(tx: Tx, userId: string, attemptId: string, questionId: string, w: { answer: Prisma.InputJsonValue; correct: boolean; answeredAt: Date }): Promise<boolean> {
  const { count } = await tx.quizQuestion.updateMany({ where: { id: questionId, attemptId, userId, answeredAt: null }, data: w });
  return count > 0;
}

/** Quote, citation and source of the cards asked about, for the results. */
export async function provenanceOf(db: PrismaClient, cardIds: string[]) {
  const cards = await db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true, quote: true, citation: true, deck: { select: { source: { select: { title: true } } } } } });
  return new Map(cards.map((c) => [c.id, { quote: c.quote, citation: c.citation, source: c.deck.source?.title ?? null }]));
}

/** The learner's latest 50 attempts, newest first, with their deadline as it stands. */
export async function recentAttempts(db: PrismaClient, userId: string) {
  const rows = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { startedAt: "desc" },
    take: 50,
    select: { id: true, startedAt: true, deadline: true, submittedAt: true, score: true, deck: { select: { title: true } }, assignment: { select: { closesAt: true } }, assignmentId: true, _count: { select: { questions: true } } },
  });
  return rows.map((r) => ({ ...r, deadline: effectiveDeadline(r.deadline, r.assignment?.closesAt) }));
}

/** The student's open assigned attempts (newest first): an assignment's is resumed rather than started again. */
export function openAssignedAttempts(db: PrismaClient, userId: string, now: Date) {
  return db.quizAttempt.findMany({
    where: { userId, assignmentId: { not: null }, submittedAt: null, deadline: { gte: openSince(now) } },
    select: { id: true, assignmentId: true },
    orderBy: { startedAt: "desc" },
  });
}

/** The student's open assigned attempt on this deck, if any (the one ending last). */
export async function openAssignedAttemptOnDeck(db: PrismaClient, userId: string, deckId: string, now: Date): Promise<{ attemptId: string; deadline: Date } | null> {
  // LEAST skips NULLs: without a closing time the attempt's own deadline counts.
  const [row] = await db.$queryRaw<{ id: string; deadline: Date }[]>`
    SELECT q.id, LEAST(q.deadline, a."closesAt") AS deadline
      FROM "QuizAttempt" q JOIN "Assignment" a ON a.id = q."assignmentId"
     WHERE q."userId" = ${userId}::uuid AND q."deckId" = ${deckId}::uuid AND q."submittedAt" IS NULL
       AND LEAST(q.deadline, a."closesAt") >= ${openSince(now)}
     ORDER BY 2 DESC LIMIT 1`;
  return row ? { attemptId: row.id, deadline: row.deadline } : null;
}

/**
 * The assignment's running attempts end by its new closing time: a deadline past it is moved
 * to it (for the statement's transaction: the assignment's own update). Stored, not only read
 * through effectiveDeadline, so every query of finished attempts (progress, item analysis)
 * sees the attempt end then.
 */
export function shortenOpenAttempts(db: PrismaClient, assignmentId: string, closesAt: Date) {
  return db.quizAttempt.updateMany({ where: { assignmentId, submittedAt: null, deadline: { gt: closesAt } }, data: { deadline: closesAt } });
}

/** Each deck of the student's open assigned attempts, with the latest of their deadlines. */
export async function openAssignedAttemptDecks(db: PrismaClient, userId: string, now: Date): Promise<Map<string, Date>> {
  const rows = await db.$queryRaw<{ deckId: string; deadline: Date }[]>`
    SELECT q."deckId"::text AS "deckId", MAX(LEAST(q.deadline, a."closesAt")) AS deadline
      FROM "QuizAttempt" q JOIN "Assignment" a ON a.id = q."assignmentId"
     WHERE q."userId" = ${userId}::uuid AND q."submittedAt" IS NULL
       AND LEAST(q.deadline, a."closesAt") >= ${openSince(now)}
     GROUP BY q."deckId"`;
  return new Map(rows.map((r) => [r.deckId, r.deadline]));
}

/** The latest deadline of the student's other open assigned attempts on a deck that attempt `attemptId` asks about; null when none. */
export async function openAssignedAttemptSharingDecks(db: PrismaClient, userId: string, attemptId: string, now: Date): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ deadline: Date }[]>`
    SELECT LEAST(r.deadline, a."closesAt") AS deadline
      FROM "QuizAttempt" r JOIN "Assignment" a ON a.id = r."assignmentId"
     WHERE r."userId" = ${userId}::uuid AND r.id <> ${attemptId}::uuid AND r."submittedAt" IS NULL
       AND LEAST(r.deadline, a."closesAt") >= ${openSince(now)}
       AND r."deckId" IN (SELECT c."deckId" FROM "QuizQuestion" qq JOIN "Card" c ON c.id = qq."cardId" WHERE qq."attemptId" = ${attemptId}::uuid)
     ORDER BY 1 DESC LIMIT 1`;
  return row?.deadline ?? null;
}

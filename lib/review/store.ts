// The review aggregate's storage: every statement on CardState and ReviewLog that the review
// paths run, with one column list and one row decoder. Decisions live elsewhere (grade.ts
// decideGrade, queue.ts buildQueue); this file only reads and writes. The hot paths (grade,
// queue) go straight to pg as prepared statements (lib/db/client.ts says why).
import pg from "pg";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CardStateDto, GradeRequest, QueueItem } from "@/lib/api/review";
import { poolOf, poolRows } from "@/lib/db/client";
import { studyableDeckIdsSql, visibleDeckSql } from "@/lib/decks/store";
import type { SrsParams } from "@/lib/srs/params";
import { decodeState, STATE_COLUMNS, stateValues, type StateRow, type Stored } from "@/lib/srs/row";
import { newSrsState, srsStateFromJson, srsStateToJson, type SrsState } from "@/lib/srs/state";
import { LEECH_THRESHOLD } from "./controls";

/** A pg pool, or the Prisma client whose pool the hot paths share (the bench passes its own pool). */
export type Db = PrismaClient | pg.Pool;
const rows = <T extends pg.QueryResultRow>(db: Db, sql: Prisma.Sql) => poolRows<T>(db instanceof pg.Pool ? db : poolOf(db), sql);

/** `s.due AS "<prefix>due", …, s.version AS "<prefix>version"`: the state columns of CardState `alias`. */
export function stateColumnsSql(alias: string, prefix = ""): Prisma.Sql {
  return Prisma.raw([...STATE_COLUMNS, "version"].map((c) => `${alias}."${c}" AS "${prefix}${c}"`).join(", "));
}

/** The column names for an INSERT, in STATE_COLUMNS order (the bench's seed uses them too). */
export const stateColumnNames = STATE_COLUMNS.map((c) => `"${c}"`).join(", ");

/** `"due" = $1, "stability" = $2, …` for an UPDATE. */
const setState = (s: SrsState) => Prisma.join(stateValues(s).map((v, i) => Prisma.sql`${Prisma.raw(`"${STATE_COLUMNS[i]}"`)} = ${v}`));

/** Stored JSON (ReviewLog.stateBefore/After) validated back into the API's shape. */
export function stateJson(json: unknown): CardStateDto {
  return srsStateToJson(srsStateFromJson(json));
}

// ---- Grading (the hot path: two statements) ----

/** What statement 1 reads: the learner, the card, its stored state and any review under the request's idempotency key. */
export type GradeContext = {
  userId: string;
  settings: unknown;
  timezone: string;
  rolloverHour: number;
  sessionVersion: number;
  /** The learner's fitted FSRS weights in use (lib/optimizer); null or absent: the defaults. */
  fitted?: FittedWeights | null;
  /** The raised desired retention of the card's deck while the learner's exam mode runs (lib/learner/exam-mode.ts). */
  examRetention?: number | null;
  card: { visible: boolean; retired: boolean } | null;
  stored: Stored | null;
  /** The review this learner already stored under the key (keys are per user). */
  prior: { id: string; cardId: string; after: unknown } | null;
};

/** A learner's fitted weight set in use: its id (recorded with each review) and weights. */
export type FittedWeights = { id: string; weights: number[] };

/** The learner's fitted set in use, for statements on user alias `u` (one primary-key lookup). */
const fittedColumns = Prisma.sql`u."fsrsParametersId", (SELECT fp.weights FROM "FsrsParameters" fp WHERE fp.id = u."fsrsParametersId") AS "fsrsWeights"`;
const fittedOf = (row: { fsrsParametersId: string | null; fsrsWeights: number[] | null }): FittedWeights | null =>
  row.fsrsParametersId && row.fsrsWeights ? { id: row.fsrsParametersId, weights: row.fsrsWeights } : null;

type ContextRow = {
  settings: unknown; timezone: string; rolloverHour: number; sessionVersion: number;
  fsrsParametersId: string | null; fsrsWeights: number[] | null; examRetention: number | null;
  cardId: string | null; retiredAt: Date | null; visible: boolean;
  /** bigint, which pg returns as a string. */
  priorId: string | null; priorCardId: string | null; priorAfter: unknown;
};

/** Statement 1: settings, session version, card, visibility, stored state, exam mode and any review under this key; null when the user is gone. */
export async function loadGradeContext(db: Db, userId: string, req: GradeRequest, now = new Date()): Promise<GradeContext | null> {
  const [row] = await rows<ContextRow>(db, Prisma.sql`
    SELECT u.settings, u.timezone, u."rolloverHour", u."sessionVersion", ${fittedColumns},
           (SELECT em."desiredRetention" FROM "ExamMode" em WHERE em."userId" = u.id AND em."deckId" = c."deckId" AND em.until > ${now}) AS "examRetention",
           c.id AS "cardId", c."retiredAt", coalesce(${visibleDeckSql(Prisma.sql`u.id`)}, false) AS visible,
           ${stateColumnsSql("s", "s_")},
           p.id AS "priorId", p."cardId" AS "priorCardId", p."stateAfter" AS "priorAfter"
      FROM "User" u
      LEFT JOIN "Card" c ON c.id = ${req.cardId}
      LEFT JOIN "Deck" d ON d.id = c."deckId"
      LEFT JOIN "CardState" s ON s."userId" = u.id AND s."cardId" = ${req.cardId}
      LEFT JOIN "ReviewLog" p ON p."idempotencyKey" = ${req.idempotencyKey} AND p."userId" = u.id
     WHERE u.id = ${userId}::uuid`);
  if (!row) return null;
  return {
    userId,
    settings: row.settings,
    timezone: row.timezone,
    rolloverHour: row.rolloverHour,
    sessionVersion: row.sessionVersion,
    fitted: fittedOf(row),
    examRetention: row.examRetention,
    card: row.cardId === null ? null : { visible: row.visible, retired: row.retiredAt !== null },
    stored: decodeState(row, "s_"),
    prior: row.priorId === null ? null : { id: row.priorId, cardId: row.priorCardId!, after: row.priorAfter },
  };
}

export type GradeWrite = {
  userId: string;
  req: GradeRequest;
  now: Date;
  /** The stored row's version the update requires; null: insert the first row. */
  expectedRowVersion: number | null;
  before: SrsState | null;
  after: SrsState;
  params: SrsParams;
  /** The fitted set `params.weights` came from; null for the defaults. */
  fsrsParametersId: string | null;
  /** This grade makes the card a leech (controls.ts isLeechLapse): it is suspended by the same statement. */
  leech: boolean;
};

/**
 * Statement 2: updates the state only if its version is still the expected one and inserts
 * the review log only if that happened, in one statement (atomic on its own). Null when the
 * version moved (or a first row appeared) meanwhile.
 */
export async function writeGrade(db: Db, w: GradeWrite): Promise<{ version: number; reviewId: string } | null> {
  const { userId, req } = w;
  const state =
    w.expectedRowVersion !== null
      ? Prisma.sql`UPDATE "CardState" SET ${setState(w.after)}, version = version + 1,
                   "reviewMs" = "reviewMs" + ${req.durationMs}${w.leech ? Prisma.sql`, "suspendedAt" = ${w.now}, "leechAt" = ${w.now}` : Prisma.empty}
                 WHERE "userId" = ${userId}::uuid AND "cardId" = ${req.cardId} AND version = ${w.expectedRowVersion}
                 RETURNING version`
      : Prisma.sql`INSERT INTO "CardState" ("userId", "cardId", ${Prisma.raw(stateColumnNames)}, version, "reviewMs")
                 VALUES (${userId}::uuid, ${req.cardId}, ${Prisma.join(stateValues(w.after))}, 1, ${req.durationMs})
                 ON CONFLICT DO NOTHING RETURNING version`;
  const [res] = await rows<{ version: number | null; id: string | null }>(db, Prisma.sql`
      WITH st AS (${state}),
      log AS (
        INSERT INTO "ReviewLog" ("userId", "cardId", rating, "reviewedAt", "durationMs", "stateBefore", "stateAfter", params, "idempotencyKey", "fsrsParametersId")
        SELECT ${userId}::uuid, ${req.cardId}, ${req.rating}, ${w.now}, ${req.durationMs},
               ${w.before === null ? null : JSON.stringify(srsStateToJson(w.before))}::jsonb,
               ${JSON.stringify(srsStateToJson(w.after))}::jsonb, ${JSON.stringify(w.params)}::jsonb, ${req.idempotencyKey}, ${w.fsrsParametersId}::uuid
        WHERE EXISTS (SELECT 1 FROM st)
        RETURNING id)
      SELECT (SELECT version FROM st) AS version, (SELECT id FROM log) AS id`);
  return res?.version != null && res.id != null ? { version: res.version, reviewId: String(res.id) } : null;
}

/** A concurrent retry with the same key (by this user: the constraint is per user) won the insert of statement 2. */
export function lostKeyRace(err: unknown): boolean {
  return err instanceof pg.DatabaseError && err.code === "23505" && err.constraint === "ReviewLog_userId_idempotencyKey_key";
}

/** The review this user stored under `key`, with its card's current version (after a lost race). */
export async function priorReview(db: PrismaClient, userId: string, key: string) {
  const prior = await db.reviewLog.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey: key } },
    select: { id: true, cardId: true, stateAfter: true },
  });
  if (!prior) return null;
  const current = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: prior.cardId } }, select: { version: true } });
  return { reviewId: String(prior.id), cardId: prior.cardId, after: prior.stateAfter, version: current?.version ?? 0 };
}

/** The stored state of one card now (null: no row). */
export async function storedState(db: Db, userId: string, cardId: string): Promise<Stored | null> {
  const [row] = await rows<StateRow>(db, Prisma.sql`
    SELECT ${stateColumnsSql("s")} FROM "CardState" s WHERE s."userId" = ${userId}::uuid AND s."cardId" = ${cardId}`);
  return row ? decodeState(row) : null;
}

// ---- Undo ----

/**
 * Reverts the learner's latest live grade (of `cardId` if given) to the state stored before
 * it, marking the log row undone (the log is append-only), in one transaction that locks the
 * row so two undos cannot revert the same grade. Null when there is none.
 */
export async function revertLatestGrade(db: PrismaClient, userId: string, cardId: string | undefined, now: Date) {
  return db.$transaction(async (tx) => {
    const onlyCard = cardId ? Prisma.sql`AND "cardId" = ${cardId}` : Prisma.empty;
    const [last] = await tx.$queryRaw<{ id: bigint; cardId: string; stateBefore: unknown; durationMs: number; reviewedAt: Date }[]>`
      SELECT id, "cardId", "stateBefore", "durationMs", "reviewedAt" FROM "ReviewLog"
       WHERE "userId" = ${userId}::uuid AND "undoneAt" IS NULL ${onlyCard}
       ORDER BY id DESC LIMIT 1 FOR UPDATE`;
    if (!last) return null;
    await tx.reviewLog.update({ where: { id: last.id }, data: { undoneAt: now } });
    // Back to never graded: the row stays (phase New) so its version keeps counting up and a
    // stale client cannot mistake a later state for the one it saw.
    const before = last.stateBefore === null ? null : srsStateFromJson(last.stateBefore);
    // Undoing the grade that made the card a leech (it wrote leechAt = its review time) lifts
    // that suspension too, and the leech mark unless the card was a leech before it.
    const madeLeech = Prisma.sql`"leechAt" = ${last.reviewedAt}::timestamptz`;
    const wasLeech = (before?.lapses ?? 0) >= LEECH_THRESHOLD;
    const [row] = await tx.$queryRaw<{ version: number }[]>`
      UPDATE "CardState" SET ${setState(before ?? newSrsState(now))}, version = version + 1, "reviewMs" = "reviewMs" - ${last.durationMs},
             "suspendedAt" = CASE WHEN ${madeLeech} THEN NULL ELSE "suspendedAt" END,
             "leechAt" = CASE WHEN ${madeLeech} AND NOT ${wasLeech} THEN NULL ELSE "leechAt" END
       WHERE "userId" = ${userId}::uuid AND "cardId" = ${last.cardId} RETURNING version`;
    return { cardId: last.cardId, reviewId: String(last.id), version: row!.version, before };
  });
}

// ---- The log, read back ----

/** The learner's log rows for one card, oldest first, undone ones included. */
export function reviewLog(db: PrismaClient, userId: string, cardId: string) {
  return db.reviewLog.findMany({ where: { userId, cardId }, orderBy: { id: "asc" } });
}

/** The learner's live (not undone) log rows for one card, oldest first: what replay needs. */
export function liveReviewLog(db: PrismaClient, userId: string, cardId: string) {
  return db.reviewLog.findMany({ where: { userId, cardId, undoneAt: null }, orderBy: { id: "asc" }, select: { rating: true, reviewedAt: true, params: true } });
}

// ---- The queue ----

/** A deck the learner's exam mode raises the retention of, until its due date. */
export type ExamDeck = { deckId: string; desiredRetention: number };

type LearnerRow = { settings: unknown; timezone: string; rolloverHour: number; deckIds: string[]; fitted: FittedWeights | null; examDecks: ExamDeck[] };

/** Queue statement 1: the learner's settings, the decks they may study (only `deckId` if given) and their running exam modes; null when the user is gone. */
export async function loadLearner(db: Db, userId: string, deckId: string | undefined, now = new Date()): Promise<LearnerRow | null> {
  const [user] = await rows<Omit<LearnerRow, "fitted"> & { fsrsParametersId: string | null; fsrsWeights: number[] | null }>(db, Prisma.sql`
    SELECT u.settings, u.timezone, u."rolloverHour", ${studyableDeckIdsSql(Prisma.sql`u.id`, deckId)} AS "deckIds", ${fittedColumns},
           coalesce((SELECT json_agg(json_build_object('deckId', em."deckId", 'desiredRetention', em."desiredRetention"))
                       FROM "ExamMode" em WHERE em."userId" = u.id AND em.until > ${now}), '[]') AS "examDecks"
      FROM "User" u WHERE u.id = ${userId}::uuid`);
  return user ? { ...user, fitted: fittedOf(user) } : null;
}

export type QueueWindow = {
  deckIds: string[];
  day: { start: Date; end: Date };
  dayAfterEnd: Date;
  learnAheadCutoff: Date;
  dueCutoff: Date;
  reviewsPerDay: number;
  newPerDay: number;
  /**
   * Exam-mode decks (of `deckIds`) with the interval each day-scale stability gives at their
   * raised retention: days = stability * perStability, as ts-fsrs computes it (rounded, at
   * least 1, at most maxDays). Empty: no exam mode, and no extra statement.
   */
  exam: { decks: { deckId: string; perStability: number }[]; maxDays: number };
};

export type Candidate = { cardId: string; stored: Stored | null };

/**
 * Queue statement 2: five statements at once, on separate connections: what the learner
 * graded today (for the limits), due (re)learning and review states, the next unstudied
 * cards, and how many cards come due tomorrow. Each reads through the (userId, due) index or
 * the CardState primary key, so the cost does not grow with other learners' data. Today's
 * limits are applied in SQL too (what is left of them after today's grades, `done`), so no
 * more candidates are read than the queue can use. Statements running at once cannot share a
 * CTE: `done` (one index range of today's log rows) runs in each statement that needs it.
 */
export async function loadQueueCandidates(db: Db, userId: string, w: QueueWindow) {
  const me = Prisma.sql`${userId}::uuid`;
  const inDecks = Prisma.sql`c."deckId" = ANY(${w.deckIds}::uuid[]) AND c."retiredAt" IS NULL`;
  const statesIn = Prisma.sql`"CardState" s JOIN "Card" c ON c.id = s."cardId"`;
  const columns = Prisma.sql`s."cardId", ${stateColumnsSql("s")}`;
  // The learner's card controls (controls.ts): suspended cards stay out; buried ones until
  // the day they were buried on has ended.
  const inQueue = Prisma.sql`s."suspendedAt" IS NULL AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${w.day.start})`;
  const done = Prisma.sql`
    SELECT count(*) FILTER (WHERE "stateBefore" IS NULL)::int AS "newCount",
           count(*) FILTER (WHERE "stateBefore"->>'state' = '2')::int AS "reviewCount"
      FROM "ReviewLog" WHERE "userId" = ${me} AND "reviewedAt" >= ${w.day.start} AND "reviewedAt" < ${w.day.end} AND "undoneAt" IS NULL`;
  type Row = { cardId: string } & Partial<StateRow>;
  // Exam mode: a review card of such a deck comes due once the interval its stability gives
  // at the raised retention has passed since its last review (its stored due was set at the
  // learner's own retention, further away). Only cards not already due by the stored date.
  const examDue = Prisma.sql`s."lastReview" + make_interval(days => least(${w.exam.maxDays}::int, greatest(1, round(s.stability * em.per)))::int)`;
  const examReviews = w.exam.decks.length === 0 ? Promise.resolve([] as (Row & { examDue: Date })[]) : rows<Row & { examDue: Date }>(db, Prisma.sql`
      SELECT ${columns}, ${examDue} AS "examDue"
        FROM ${statesIn} JOIN unnest(${w.exam.decks.map((d) => d.deckId)}::uuid[], ${w.exam.decks.map((d) => d.perStability)}::float8[]) em(deck_id, per) ON em.deck_id = c."deckId"
       WHERE s."userId" = ${me} AND s.state = 2 AND s.due >= ${w.dueCutoff} AND s."lastReview" IS NOT NULL AND ${inDecks} AND ${inQueue} AND ${examDue} < ${w.dueCutoff}`);
  const [[doneToday], learning, reviews, fresh, [tomorrow], advanced] = await Promise.all([
    rows<{ newCount: number; reviewCount: number }>(db, done),
    rows<Row>(db, Prisma.sql`
      SELECT ${columns} FROM ${statesIn}
       WHERE s."userId" = ${me} AND s.due <= ${w.learnAheadCutoff} AND s.state IN (1, 3) AND ${inDecks} AND ${inQueue}`),
    rows<Row>(db, Prisma.sql`
      WITH done AS (${done})
      SELECT ${columns} FROM ${statesIn}
       WHERE s."userId" = ${me} AND s.due < ${w.dueCutoff} AND s.state = 2 AND ${inDecks} AND ${inQueue}
       ORDER BY s.due, s."cardId" LIMIT greatest(0, ${w.reviewsPerDay}::int - (SELECT "reviewCount" FROM done))`),
    rows<{ cardId: string; version: number | null }>(db, Prisma.sql`
      WITH done AS (${done})
      SELECT c.id AS "cardId", s.version FROM "Card" c JOIN "Deck" d ON d.id = c."deckId"
        LEFT JOIN "CardState" s ON s."userId" = ${me} AND s."cardId" = c.id
       WHERE ${inDecks} AND (s."cardId" IS NULL OR (s.state = 0 AND ${inQueue}))
       ORDER BY d.title, c."deckId", c.position, c.id LIMIT greatest(0, ${w.newPerDay}::int - (SELECT "newCount" FROM done))`),
    rows<{ n: number }>(db, Prisma.sql`
      SELECT count(*)::int AS n FROM ${statesIn}
       WHERE s."userId" = ${me} AND s.due >= ${w.day.end} AND s.due < ${w.dayAfterEnd} AND ${inDecks} AND s."suspendedAt" IS NULL`),
    examReviews,
  ]);
  const due: Candidate[] = [...learning, ...reviews].map((r) => ({ cardId: r.cardId, stored: decodeState(r) }));
  // Queued by the date exam mode brings them forward to; graded from their stored state.
  const examAdvanced = advanced.map((r) => ({ cardId: r.cardId, stored: decodeState(r), examDue: r.examDue }));
  // A never-graded card has no row, or a row in phase New (left by an undo) whose version counts on.
  const unseen: Candidate[] = fresh.map((r) => ({ cardId: r.cardId, stored: r.version === null ? null : { version: r.version, state: null } }));
  return { doneToday: doneToday!, due, examAdvanced, unseen, tomorrow: tomorrow?.n ?? 0 };
}

/** A queue item's card, from Card c and Deck d. */
const cardJson = Prisma.sql`json_build_object('deckId', c."deckId", 'deckTitle', d.title, 'kind', c.kind, 'subject', c.subject,
  'prompt', c.prompt, 'answer', c.answer, 'quote', c.quote, 'citation', c.citation)`;

/** Queue statement 3: the text of the cards chosen. */
export async function loadCardTexts(db: Db, cardIds: string[]): Promise<Map<string, QueueItem["card"]>> {
  if (cardIds.length === 0) return new Map();
  const texts = await rows<{ cardId: string; card: QueueItem["card"] }>(db, Prisma.sql`
    SELECT c.id AS "cardId", ${cardJson} AS card FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE c.id = ANY(${cardIds}::text[])`);
  return new Map(texts.map((t) => [t.cardId, t.card]));
}

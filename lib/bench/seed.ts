// Bench data, generated inside PostgreSQL with generate_series (a million rows in
// seconds, where row-by-row Prisma would take an hour):
//   - CARDS cards in DECKS curated decks (ownerId null, published);
//   - learners numbered 0, 1, ...: ids md5('bench-learner-<n>')::uuid, email
//     learner-<n>@bench.local, one shared password (a real argon2 hash, so sign-in works);
//   - a CardState for every learner x card, with 1-3 ReviewLog rows each (mean 2), the
//     last one ending in the stored state.
// Each learner's cards are laid out by a permutation p = (37 i + 101 n) mod CARDS:
//   p < DUE_REVIEWS                         review cards overdue by 1-28 days,
//   p < DUE_REVIEWS + DUE_LEARNING          (re)learning cards due 1-20 minutes ago,
//   otherwise                               review cards due 2 days to a year ahead.
// So every learner has exactly DUE_REVIEWS + DUE_LEARNING cards due now, and the rest of
// the table looks like a year of history. The logs are plausible in shape (dates, JSON
// states, params), not an exact FSRS replay of the stored states.
import { createHash } from "node:crypto";
import type pg from "pg";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { stateColumnNames } from "@/lib/review/store";

export const CARDS = 1000;
export const DECKS = 4;
export const DUE_REVIEWS = 150;
export const DUE_LEARNING = 20;
export const PASSWORD = "bench-password-not-secret";

export const learnerEmail = (n: number) => `learner-${n}@bench.local`;

/** The same as the SQL md5('bench-learner-' || n)::uuid. */
export function learnerId(n: number): string {
  const h = createHash("md5").update(`bench-learner-${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const cardIdSql = (i: string) => `'bench-card-' || lpad((${i})::text, 5, '0')`;

/** Session settings for bulk loading: no per-row FK triggers (rows are consistent by construction), no commit waits. */
export async function bulkLoadSession(c: pg.Client): Promise<void> {
  await c.query("SET synchronous_commit = off");
  await c.query("SET maintenance_work_mem = '256MB'");
  // Needs a superuser; without it the FK checks just run (slower, same result).
  await c.query("SET session_replication_role = replica").catch(() => {});
  // A state as the API and ReviewLog store it (lib/srs/state.ts srsStateToJson).
  await c.query(`
    CREATE OR REPLACE FUNCTION pg_temp.bench_state(due timestamptz, stability float8, difficulty float8, sd int, steps int,
                                                   reps int, lapses int, state int, last timestamptz) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
      SELECT jsonb_build_object(
        'due', to_char(due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'stability', stability, 'difficulty', difficulty,
        'scheduledDays', sd, 'learningSteps', steps, 'reps', reps, 'lapses', lapses, 'state', state,
        'lastReview', to_char(last AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    $$`);
}

export async function seedContent(c: pg.Client): Promise<void> {
  await c.query(
    `INSERT INTO "Deck" (id, slug, title, "ownerId", status, "updatedAt")
     SELECT md5('bench-deck-' || d)::uuid, 'bench-deck-' || d, 'Bench deck ' || d, NULL, 'PUBLISHED', now()
       FROM generate_series(1, $1::int) d`,
    [DECKS],
  );
  await c.query(
    `INSERT INTO "Card" (id, "deckId", kind, subject, prompt, answer, data, quote, start, "end", citation, position, "updatedAt")
     SELECT ${cardIdSql("i")}, md5('bench-deck-' || (1 + i % $2::int))::uuid, (ARRAY['DATE','PARTIES','TERM','BASIC'])[1 + i % 4]::"CardKind",
            'Event ' || i, 'When did event ' || i || ' take place?', 'In ' || (1700 + i % 300),
            jsonb_build_object('date', jsonb_build_object('year', 1700 + i % 300)),
            'According to the chronicle, event ' || i || ' took place in ' || (1700 + i % 300) || ', after long negotiations between the parties.',
            0, 90, 'Bench chronicle, vol. ' || (1 + i % 12) || ', p. ' || (1 + i % 400), i / $2::int, now()
       FROM generate_series(0, $1::int - 1) i`,
    [CARDS, DECKS],
  );
}

/** Learners [from, to) with all their card states and review logs. */
export async function seedLearners(c: pg.Client, from: number, to: number, passwordHash: string, now: Date): Promise<void> {
  await c.query(
    `INSERT INTO "User" (id, email, name, "passwordHash")
     SELECT md5('bench-learner-' || n)::uuid, 'learner-' || n || '@bench.local', 'Learner ' || n, $3
       FROM generate_series($1::int, $2::int - 1) n`,
    [from, to, passwordHash],
  );
  const params = JSON.stringify(toSrsParams(defaultReviewSettings));
  await c.query(
    `WITH g AS (
       SELECT md5('bench-learner-' || n)::uuid AS uid, i, (i * 37 + n * 101) % $3::int AS p, 1 + (n + i) % 3 AS nlogs
         FROM generate_series($1::int, $2::int - 1) n CROSS JOIN generate_series(0, $3::int - 1) i),
     s AS (
       SELECT uid, i, p, nlogs,
              CASE WHEN p < $5::int THEN 2 WHEN p < $5::int + $6::int THEN 1 + 2 * (p % 2) ELSE 2 END AS state,
              CASE WHEN p < $5::int THEN 1 + p % 9 WHEN p < $5::int + $6::int THEN 0 ELSE 7 + p % 360 END AS sd,
              CASE WHEN p < $5::int THEN $4::timestamptz - make_interval(days => 10 + p % 20)
                   WHEN p < $5::int + $6::int THEN $4::timestamptz - make_interval(mins => p - $5::int + 11)
                   ELSE $4::timestamptz - make_interval(days => 1 + p % 5) END AS last
         FROM g),
     ins AS (
       INSERT INTO "CardState" ("userId", "cardId", ${stateColumnNames}, version, "reviewMs")
       SELECT uid, ${cardIdSql("i")},
              CASE WHEN sd = 0 THEN last + interval '10 minutes' ELSE last + make_interval(days => sd) END,
              CASE WHEN sd = 0 THEN 0.5 + (p % 5) * 0.3 ELSE sd * 1.1 END,
              3 + (p % 7) * 0.9, sd, CASE WHEN state = 1 THEN 1 ELSE 0 END, nlogs, CASE WHEN state = 3 THEN 1 ELSE 0 END,
              state, last, nlogs, (SELECT sum(2000 + (k * 997 + nlogs * 31) % 9000) FROM generate_series(1, nlogs) k)
         FROM s
       RETURNING *)
     INSERT INTO "ReviewLog" ("userId", "cardId", rating, "reviewedAt", "durationMs", "stateBefore", "stateAfter", params, "idempotencyKey")
     SELECT ins."userId", ins."cardId", CASE WHEN k = ins.reps AND ins.state = 3 THEN 1 ELSE 3 END, at, 2000 + (k * 997 + ins.reps * 31) % 9000,
            CASE WHEN k = 1 THEN NULL
                 ELSE pg_temp.bench_state(at, 2.0 * (k - 1), ins.difficulty, 2, 0, k - 1, 0, 2, at - interval '2 days') END,
            CASE WHEN k = ins.reps
                 THEN pg_temp.bench_state(ins.due, ins.stability, ins.difficulty, ins."scheduledDays", ins."learningSteps", ins.reps, ins.lapses, ins.state, ins."lastReview")
                 ELSE pg_temp.bench_state(at + interval '2 days', 2.0 * k, ins.difficulty, 2, 0, k, 0, 2, at) END,
            $7::jsonb, 'seed:' || ins."userId" || ':' || ins."cardId" || ':' || k
       FROM ins CROSS JOIN LATERAL generate_series(1, ins.reps) k
            CROSS JOIN LATERAL (SELECT ins."lastReview" - make_interval(days => 2 * (ins.reps - k)) AS at) r`,
    [from, to, CARDS, now, DUE_REVIEWS, DUE_LEARNING, params],
  );
}

/** What autovacuum would have done by the time such a table served traffic: visibility map, hint bits, statistics. */
export async function vacuumAnalyze(c: pg.Client): Promise<void> {
  await c.query(`VACUUM (ANALYZE) "User", "Deck", "Card", "CardState", "ReviewLog"`);
  await c.query("CHECKPOINT").catch(() => {}); // superuser (or pg_checkpoint) only
}

export async function countRows(c: pg.Client): Promise<{ states: number; logs: number }> {
  const { rows } = await c.query<{ states: number; logs: number }>(
    `SELECT (SELECT count(*) FROM "CardState")::int AS states, (SELECT count(*) FROM "ReviewLog")::int AS logs`,
  );
  return rows[0]!;
}

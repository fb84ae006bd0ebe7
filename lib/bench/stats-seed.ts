// Seeds for the stats bench, generated in SQL (row-by-row inserts would dominate the run):
// a learner with a long review history, and a quiz assignment a whole class has taken.
import pg from "pg";

async function inTransaction<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    const result = await fn(c);
    await c.query("COMMIT");
    // What autovacuum would have done by the time a learner has this history.
    await c.query("VACUUM ANALYZE");
    return result;
  } finally {
    await c.end();
  }
}

async function deckWithCards(c: pg.Client, slug: string, cards: number): Promise<string> {
  const deck = await c.query<{ id: string }>(`INSERT INTO "Deck" (id, slug, title, status, "updatedAt") VALUES (gen_random_uuid(), $1, $1, 'PUBLISHED', now()) RETURNING id`, [slug]);
  const deckId = deck.rows[0]!.id;
  await c.query(
    `INSERT INTO "Card" (id, "deckId", kind, subject, prompt, answer, quote, start, "end", position, "updatedAt")
     SELECT $1 || '-' || g, $2, 'DATE', 'Event ' || g, 'When did event ' || g || ' happen?', (1800 + g % 200)::text, 'Quote ' || g, 0, 7, g, now()
       FROM generate_series(1, $3) g`,
    [slug, deckId, cards],
  );
  return deckId;
}

/**
 * `reviews` reviews by one learner (Berlin time, 4 a.m. rollover) over the past ~400 days on
 * `cards` cards of one deck, all of them studied, plus four other learners with the same
 * history so the learner's rows are not the whole table.
 */
export async function seedStatsLearner(url: string, reviews: number, cards: number): Promise<{ userId: string; deckId: string }> {
  return inTransaction(url, async (c) => {
    const deckId = await deckWithCards(c, "stats-bench", cards);
    await c.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", timezone, "rolloverHour")
       SELECT gen_random_uuid(), 'learner-' || g || '@bench.local', 'Learner ' || g, 'x', 'Europe/Berlin', 4 FROM generate_series(0, 4) g`,
    );
    await c.query(
      `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", version)
       SELECT u.id, c.id, lr + make_interval(days => sd), st, 1 + (h % 90) / 10.0, sd, 0, 5, 1, 1 + h % 3, lr, 5
         FROM "User" u CROSS JOIN "Card" c
         CROSS JOIN LATERAL (SELECT abs(hashtext(u.id::text || c.id)) AS h) x
         CROSS JOIN LATERAL (SELECT now() - make_interval(days => (h % 60)) AS lr, 0.5 + (h % 400) AS st, (h % 70) AS sd) r
        WHERE u.email LIKE 'learner-%@bench.local' AND c."deckId" = $1`,
      [deckId],
    );
    await c.query(
      `INSERT INTO "ReviewLog" ("userId", "cardId", rating, "reviewedAt", "durationMs", "stateBefore", "stateAfter", params, "idempotencyKey")
       SELECT u.id, $1 || '-' || (1 + g % $2), 1 + (g * 7 + h) % 4, now() - make_interval(secs => g * (400 * 86400.0 / $3)), 4000,
              CASE WHEN g % 5 = 0 THEN NULL ELSE jsonb_build_object('state', 1 + g % 3, 'scheduledDays', g % 60) END, '{}', '{}', 'k' || g
         FROM "User" u CROSS JOIN generate_series(1, $3) g
         CROSS JOIN LATERAL (SELECT abs(hashtext(u.id::text)) % 4 AS h) x
        WHERE u.email LIKE 'learner-%@bench.local'`,
      ["stats-bench", cards, reviews],
    );
    const user = await c.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'learner-0@bench.local'`);
    return { userId: user.rows[0]!.id, deckId };
  });
}

/** A quiz assignment on a `questions`-card deck that `students` students have each finished once, plus their card states. */
export async function seedItemAnalysis(url: string, students: number, questions: number): Promise<{ teacherId: string; assignmentId: string }> {
  return inTransaction(url, async (c) => {
    const deckId = await deckWithCards(c, "quiz-bench", questions * 4);
    const teacher = await c.query<{ id: string }>(`INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES (gen_random_uuid(), 'quiz-teacher@bench.local', 'T', 'x', 'TEACHER') RETURNING id`);
    const teacherId = teacher.rows[0]!.id;
    const cls = await c.query<{ id: string }>(`INSERT INTO "Class" (id, "teacherId", name, "joinCode") VALUES (gen_random_uuid(), $1, 'Quiz class', 'QUIZ-BENCH') RETURNING id`, [teacherId]);
    const classId = cls.rows[0]!.id;
    await c.query(`INSERT INTO "User" (id, email, name, "passwordHash") SELECT gen_random_uuid(), 'quizzer-' || g || '@bench.local', 'Quizzer ' || g, 'x' FROM generate_series(1, $1) g`, [students]);
    await c.query(`INSERT INTO "Enrollment" ("classId", "userId") SELECT $1, id FROM "User" WHERE email LIKE 'quizzer-%@bench.local'`, [classId]);
    const a = await c.query<{ id: string }>(
      `INSERT INTO "Assignment" (id, "classId", "deckId", kind, count, "timeLimitSec", attempts, "opensAt", "closesAt", "dueAt")
       VALUES (gen_random_uuid(), $1, $2, 'QUIZ', $3, 1800, 3, now() - interval '2 days', now() + interval '2 days', now() + interval '2 days') RETURNING id`,
      [classId, deckId, questions],
    );
    const assignmentId = a.rows[0]!.id;
    await c.query(
      `INSERT INTO "QuizAttempt" (id, "userId", "deckId", "assignmentId", seed, "startedAt", deadline, "submittedAt", score)
       SELECT gen_random_uuid(), id, $1, $2, 's', now() - interval '1 day', now() - interval '23 hours', now() - interval '23 hours', 0
         FROM "User" WHERE email LIKE 'quizzer-%@bench.local'`,
      [deckId, assignmentId],
    );
    // Each student is asked `questions` of the deck's cards (which ones depends on the student),
    // multiple choice with the answer first; the choice made varies by student and card.
    await c.query(
      `INSERT INTO "QuizQuestion" (id, "attemptId", "userId", position, "cardId", type, prompt, payload, key, answer, correct, "answeredAt")
       SELECT gen_random_uuid(), qa.id, qa."userId", p, 'quiz-bench-' || card, 'mcq', 'When did event ' || card || ' happen?',
              jsonb_build_object('options', jsonb_build_array('A' || card, 'B' || card, 'C' || card, 'D' || card)), '{"correctIndex": 0}',
              jsonb_build_object('choice', ch), ch = 0, now() - interval '23 hours'
         FROM "QuizAttempt" qa CROSS JOIN generate_series(0, $1 - 1) p
         CROSS JOIN LATERAL (SELECT 1 + (p + abs(hashtext(qa."userId"::text)) % 4 * $1) AS card) k
         CROSS JOIN LATERAL (SELECT (abs(hashtext(qa."userId"::text || p)) % 7) AS r) x
         CROSS JOIN LATERAL (SELECT CASE WHEN r < 4 THEN 0 ELSE r - 3 END AS ch) y
        WHERE qa."assignmentId" = $2`,
      [questions, assignmentId],
    );
    await c.query(
      `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", version)
       SELECT DISTINCT q."userId", q."cardId", now(), 5, 1 + abs(hashtext(q."userId"::text || q."cardId")) % 90 / 10.0, 5, 0, 2, 0, 2, now() - interval '5 days', 2
         FROM "QuizQuestion" q JOIN "QuizAttempt" qa ON qa.id = q."attemptId" WHERE qa."assignmentId" = $1`,
      [assignmentId],
    );
    return { teacherId, assignmentId };
  });
}

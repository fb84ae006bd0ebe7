// Seed for the progress bench: one class of students, one deck, an assignment, and
// studied states with review history, generated in SQL (row-by-row inserts would
// dominate the bench's run time).
import pg from "pg";
import { stateColumnNames } from "@/lib/review/store";

export type ProgressSeed = { teacherId: string; assignmentId: string };

export async function seedProgress(url: string, students: number, cards: number): Promise<ProgressSeed> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    const teacher = await c.query<{ id: string }>(`INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES (gen_random_uuid(), 'teacher@bench.local', 'Bench Teacher', 'x', 'TEACHER') RETURNING id`);
    const teacherId = teacher.rows[0]!.id;
    const deck = await c.query<{ id: string }>(`INSERT INTO "Deck" (id, slug, title, status, "updatedAt") VALUES (gen_random_uuid(), 'bench-deck', 'Bench deck', 'PUBLISHED', now()) RETURNING id`);
    const deckId = deck.rows[0]!.id;
    await c.query(
      `INSERT INTO "Card" (id, "deckId", kind, subject, prompt, answer, quote, start, "end", position, "updatedAt")
       SELECT 'bench-card-' || g, $1, 'DATE', 'Event ' || g, 'When did event ' || g || ' happen?', (1900 + g % 100)::text, 'Quote ' || g, 0, 7, g, now()
         FROM generate_series(1, $2) g`,
      [deckId, cards],
    );
    const cls = await c.query<{ id: string }>(`INSERT INTO "Class" (id, "teacherId", name, "joinCode") VALUES (gen_random_uuid(), $1, 'Bench class', 'BENCH-000') RETURNING id`, [teacherId]);
    const classId = cls.rows[0]!.id;
    await c.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", timezone)
       SELECT gen_random_uuid(), 'student-' || g || '@bench.local', 'Student ' || lpad(g::text, 3, '0'), 'x',
              (ARRAY['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'])[1 + g % 4]
         FROM generate_series(1, $1) g`,
      [students],
    );
    await c.query(`INSERT INTO "Enrollment" ("classId", "userId") SELECT $1, id FROM "User" WHERE email LIKE 'student-%@bench.local'`, [classId]);
    // Each student has studied about 80% of the deck, reviewed twice (3.0 s and 3.5 s, as
    // the log below says) over the last 60 days.
    await c.query(
      `INSERT INTO "CardState" ("userId", "cardId", ${stateColumnNames}, version, "reviewMs")
       SELECT u.id, c.id, lr + make_interval(days => sd), st, 5, sd, 0, 2, 0, 2, lr, 2, 3000 + 3500
         FROM "User" u CROSS JOIN "Card" c
         CROSS JOIN LATERAL (SELECT now() - make_interval(days => (abs(hashtext(u.id::text || c.id)) % 60)) AS lr,
                                    1 + (abs(hashtext(c.id || u.id::text)) % 90) AS st, 1 + (abs(hashtext(c.id)) % 30) AS sd) r
        WHERE u.email LIKE 'student-%@bench.local' AND c."deckId" = $1 AND abs(hashtext(u.email || c.id)) % 10 < 8`,
      [deckId],
    );
    await c.query(
      `INSERT INTO "ReviewLog" ("userId", "cardId", rating, "reviewedAt", "durationMs", "stateBefore", "stateAfter", params, "idempotencyKey")
       SELECT s."userId", s."cardId", 1 + (k + abs(hashtext(s."cardId"))) % 4, s."lastReview" - make_interval(days => k * 3), 3000 + k * 500, NULL, '{}', '{}',
              s."userId"::text || ':' || s."cardId" || ':' || k
         FROM "CardState" s CROSS JOIN generate_series(0, 1) k`,
    );
    const a = await c.query<{ id: string }>(
      `INSERT INTO "Assignment" (id, "classId", "deckId", kind, "dueAt", "targetRecall") VALUES (gen_random_uuid(), $1, $2, 'REVIEW', now() + interval '14 days', 0.85) RETURNING id`,
      [classId, deckId],
    );
    await c.query("COMMIT");
    // What autovacuum would have done by the time a class has this history.
    await c.query("VACUUM ANALYZE");
    return { teacherId, assignmentId: a.rows[0]!.id };
  } finally {
    await c.end();
  }
}

// `npm run bench:progress`: the teacher's progress view for a class of 200 students on a
// 500-card deck, computed on the server (target p99 < 300 ms). Figures are JSON lines on
// stdout; BENCH_SCALE=0.1 shrinks the class for a quick look.
import { performance } from "node:perf_hooks";
import { summarize } from "@/lib/bench/percentiles";
import { throwawayDatabase } from "@/lib/bench/pg-server";
import { seedProgress } from "@/lib/bench/progress-seed";
import { emit, log } from "@/lib/bench/report";
import { assignmentProgress } from "@/lib/classes/progress";
import { createPrisma } from "@/lib/db/client";

const scale = Number(process.env.BENCH_SCALE ?? 1);
const students = Math.max(2, Math.round(200 * scale));
const cards = 500;
const db = await throwawayDatabase(process.env.BENCH_PG_URL, log);
try {
  log(`seeding ${students} students x ${cards} cards`);
  const seed = await seedProgress(db.url, students, cards);
  const prisma = createPrisma(db.url, 4);
  const first = await assignmentProgress(prisma, seed.teacherId, seed.assignmentId);
  if (first.students.length !== students) throw new Error(`expected ${students} rows, got ${first.students.length}`);
  for (let i = 0; i < 10; i++) await assignmentProgress(prisma, seed.teacherId, seed.assignmentId);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await assignmentProgress(prisma, seed.teacherId, seed.assignmentId);
    samples.push(performance.now() - t0);
  }
  const s = summarize(samples);
  emit("progress_p50_ms", s.p50, "ms");
  emit("progress_p99_ms", s.p99, "ms");
  emit("progress_students", students, "count");
  emit("progress_cards", cards, "count");
  await prisma.$disconnect();
} finally {
  await db.dispose();
}

// `npm run bench:stats`: server time of the learner's /stats data with 50,000 reviews
// (target p95 <= 150 ms) and of a quiz's item analysis for 200 students x 50 questions
// (target p95 <= 200 ms), and the optimizer's time to fit and judge 10,000 simulated reviews
// (report only). Figures are JSON lines on stdout; BENCH_SCALE=0.1 shrinks the
// data for a quick look. Run it under `flock /tmp/bench.lock`, as every bench.
import { performance } from "node:perf_hooks";
import { percentile, summarize } from "@/lib/bench/percentiles";
import { throwawayDatabase } from "@/lib/bench/pg-server";
import { emit, log } from "@/lib/bench/report";
import { seedItemAnalysis, seedStatsLearner } from "@/lib/bench/stats-seed";
import { createPrisma } from "@/lib/db/client";
import { compareFit } from "@/lib/optimizer/compare";
import { simulateLearner } from "@/lib/srs/simulate";
import { defaultWeights } from "@/lib/srs/weights";
import { quizItemAnalysis } from "@/lib/stats/item-analysis";
import { learnerStats } from "@/lib/stats/store";

const scale = Number(process.env.BENCH_SCALE ?? 1);
const reviews = Math.max(100, Math.round(50_000 * scale));
const students = Math.max(2, Math.round(200 * scale));
const questions = 50;
const RUNS = 200;

async function sample(what: string, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  const s = summarize(samples);
  log(`${what}: p50 ${s.p50.toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${s.max.toFixed(1)} ms`);
  return samples;
}

const db = await throwawayDatabase(process.env.BENCH_PG_URL, log);
try {
  log(`seeding a learner with ${reviews} reviews (and 4 others alike)`);
  const learner = await seedStatsLearner(db.url, reviews, 2000);
  log(`seeding ${students} students x ${questions} questions`);
  const quiz = await seedItemAnalysis(db.url, students, questions);
  const prisma = createPrisma(db.url, 4);

  const first = await learnerStats(prisma, learner.userId);
  const counted = first.retention.weeks.reduce((n, w) => n + w.reviews, 0);
  if (first.heatmap.totalReviews === 0 || counted === 0) throw new Error("the seeded learner's stats are empty");
  const all = await sample("stats (all decks)", () => learnerStats(prisma, learner.userId));
  emit("stats_page_ms_50k", percentile(all, 95), "ms");
  emit("stats_page_p50_ms_50k", percentile(all, 50), "ms");
  const oneDeck = await sample("stats (one deck)", () => learnerStats(prisma, learner.userId, { deckId: learner.deckId }));
  emit("stats_page_deck_ms_50k", percentile(oneDeck, 95), "ms");

  const analysis = await quizItemAnalysis(prisma, quiz.teacherId, quiz.assignmentId);
  if (analysis.attempts !== students || analysis.items.length === 0) throw new Error(`expected ${students} attempts, got ${analysis.attempts}`);
  const items = await sample("item analysis", () => quizItemAnalysis(prisma, quiz.teacherId, quiz.assignmentId));
  emit("item_analysis_ms_200x50", percentile(items, 95), "ms");
  emit("item_analysis_p50_ms_200x50", percentile(items, 50), "ms");
  const optimizeReviews = Math.max(1000, Math.round(10_000 * scale));
  const trueWeights = defaultWeights().map((w, i) => (i < 4 ? w * 3 : w));
  const history = simulateLearner({ trueWeights, cards: 3000, reviews: optimizeReviews, seed: "bench" });
  const t0 = performance.now();
  const fit = await compareFit(history, defaultWeights(), defaultWeights());
  const seconds = (performance.now() - t0) / 1000;
  log(`optimizer: ${optimizeReviews} reviews, stage ${fit.stage}, log loss ${fit.current?.logLoss.toFixed(4)} -> ${fit.fitted?.logLoss.toFixed(4)}`);
  emit("optimize_s_10k", seconds, "s");
  emit("stats_reviews", reviews, "count");
  emit("item_analysis_students", students, "count");
  await prisma.$disconnect();
} finally {
  await db.dispose();
}

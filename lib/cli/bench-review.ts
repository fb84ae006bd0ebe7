// `npm run bench:review`: the review hot paths measured on a throwaway database.
//   1. seed CARDS cards and 10 learners (10,000 states), measure loadQueue;
//   2. grow to 1,000 learners (1,000,000 states, ~2,000,000 review logs), measure again;
//   3. grade over HTTP against the app as `npm start` runs it: WEB_CONCURRENCY workers (default:
//      the cores) at 1, 16 and 64 concurrent learners, and one worker at 16 (grade_http_rps_c16_w1),
//      with the app processes' CPU time per grade at 16 (grade_app_cpu_us, workers summed);
//   4. the same grade transaction straight to PostgreSQL with `pg`, same concurrency.
// Figures: one JSON line each on stdout ({"name", "value", "unit"}); progress on stderr.
//
// BENCH_SCALE (default 1) scales the number of learners (at least 100), not the cards per
// learner: 0.1 = 100 learners x 1,000 cards = 100,000 states, so the "_1m" figures then describe
// 100,000 states (the states_total figure says which). The 10k step is always 10 learners.
// BENCH_PG_URL: a superuser URL of a server to create the bench database on (default: a
// fresh embedded PostgreSQL in a temp folder). BENCH_SECONDS: measured seconds per
// concurrency level (default 12, after 3 s of warm-up). DB_POOL_MAX: the app's pool size
// (default 10), also used for the raw pg pool so the two compare like for like.
// BENCH_CPU_PROF=<dir>: the app's processes write V8 CPU profiles there (node --cpu-prof; the
// one-worker app serves only the c16 level, so its worker's profile is that level), and the
// queue bench at full size writes queue-1m.cpuprofile (figures from such a run are slower).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import seedrandom from "seedrandom";
import { hashPassword } from "@/lib/auth/password";
import { ROOT } from "@/lib/config/root";
import { createPrisma } from "@/lib/db/client";
import { startApp, type AppServer } from "@/lib/bench/app-server";
import { keepAliveAgent } from "@/lib/bench/http-client";
import { httpLearners } from "@/lib/bench/http-load";
import { runLoad, type Learner, type LoadResult } from "@/lib/bench/load";
import { freePort } from "@/lib/testing/free-port";
import { formatSummary, percentile, summarize } from "@/lib/bench/percentiles";
import { throwawayDatabase, type BenchDb } from "@/lib/bench/pg-server";
import { profiled } from "@/lib/bench/cpu-profile";
import { measureQueue } from "@/lib/bench/queue-bench";
import { rawLearner } from "@/lib/bench/raw-grade";
import { rawPool } from "@/lib/bench/raw-pool";
import { emit, log } from "@/lib/bench/report";
import { bulkLoadSession, CARDS, countRows, learnerEmail, learnerId, PASSWORD, seedContent, seedLearners, vacuumAnalyze } from "@/lib/bench/seed";

const SMALL_LEARNERS = 10; // x CARDS = 10,000 states
const FULL_LEARNERS = 1000; // x CARDS = 1,000,000 states
const MIN_LEARNERS = 100;
const SEED_CHUNK = 50;
const QUEUE_LIMIT = 50;
const QUEUE_CALLS = 2000;
const LEVELS = [1, 16, 64] as const;
const WARMUP_MS = 3000;

function numberEnv(name: string, fallback: number, valid: (n: number) => boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !valid(n)) throw new Error(`${name}=${raw} is not valid`);
  return n;
}

/** lib/cli/build.ts's buildIfNeeded() in a child whose output goes to stderr, keeping stdout for figures. */
function buildIfNeeded(): void {
  const res = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/cli/build.ts")], {
    cwd: ROOT,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (res.status !== 0) throw new Error("the production build failed (see above)");
}

function reportLoad(kind: "http" | "raw", r: LoadResult): number {
  const rps = r.ok / r.seconds;
  const s = summarize(r.latencies);
  log(`${kind} c${r.concurrency}: ${rps.toFixed(0)} grades/s, ${formatSummary(s)}, errors ${JSON.stringify(r.errors)}`);
  emit(`grade_${kind}_rps_c${r.concurrency}`, rps, "reviews/s");
  emit(`grade_${kind}_p50_ms_c${r.concurrency}`, s.p50, "ms");
  emit(`grade_${kind}_p99_ms_c${r.concurrency}`, s.p99, "ms");
  emit(`grade_${kind}_errors_c${r.concurrency}`, r.errorCount, "count");
  return rps;
}

/** The learners, counting every grade answered (warm-up included) into `count.ok`. */
function counted(learners: Learner[], count: { ok: number }): Learner[] {
  return learners.map((l) => ({
    cards: l.cards,
    async grade(card, rating, key) {
      const outcome = await l.grade(card, rating, key);
      if (outcome.ok) count.ok++;
      return outcome;
    },
  }));
}

async function main(): Promise<void> {
  const started = performance.now();
  const scale = numberEnv("BENCH_SCALE", 1, (n) => n > 0 && n <= 10);
  const seconds = numberEnv("BENCH_SECONDS", 12, (n) => n >= 1 && n <= 600);
  const poolMax = numberEnv("DB_POOL_MAX", 10, (n) => Number.isInteger(n) && n >= 1);
  const profDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
  // At least one fresh learner for every HTTP virtual learner (1 + 16 + 64), so each starts with a full queue.
  const learners = Math.max(MIN_LEARNERS, Math.round(FULL_LEARNERS * scale));
  log(`scale ${scale}: ${learners} learners x ${CARDS} cards; ${seconds} s per level; pool ${poolMax}`);

  buildIfNeeded();
  log("production build ready");

  let db: BenchDb | undefined;
  let app: AppServer | undefined;
  const cleanup = async () => {
    await app?.stop().catch(() => {});
    await db?.dispose().catch(() => {});
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanup().then(() => process.exit(130)));
  }

  try {
    db = await throwawayDatabase(process.env.BENCH_PG_URL, log);
    const seeder = new pg.Client({ connectionString: db.url });
    await seeder.connect();
    const ids = Array.from({ length: learners }, (_, n) => learnerId(n));
    const prisma = createPrisma(db.url, poolMax);
    try {
      // 1. 10,000 states.
      await bulkLoadSession(seeder);
      await seedContent(seeder);
      const passwordHash = await hashPassword(PASSWORD);
      const now = new Date();
      const seedStart = performance.now();
      await seedLearners(seeder, 0, SMALL_LEARNERS, passwordHash, now);
      await vacuumAnalyze(seeder);
      const small = await countRows(seeder);
      log(`seeded ${small.states} states, ${small.logs} review logs`);
      const q10k = await measureQueue(prisma, ids.slice(0, SMALL_LEARNERS), { warmup: 300, calls: QUEUE_CALLS, limit: QUEUE_LIMIT, seed: "10k" });
      log(`loadQueue at ${small.states} states: ${formatSummary(summarize(q10k))}`);
      emit("queue_p50_ms_10k", percentile(q10k, 50), "ms");
      emit("queue_p99_ms_10k", percentile(q10k, 99), "ms");

      // 2. Grow to the full size.
      for (let from = SMALL_LEARNERS; from < learners; from += SEED_CHUNK) {
        const to = Math.min(from + SEED_CHUNK, learners);
        await seedLearners(seeder, from, to, passwordHash, now);
        log(`seeded learners ${from}-${to - 1}`);
      }
      await vacuumAnalyze(seeder);
      const full = await countRows(seeder);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      log(`seeded ${full.states} states, ${full.logs} review logs in ${seedSeconds.toFixed(0)} s (VACUUM ANALYZE included)`);
      emit("states_total", full.states, "rows");
      emit("review_logs_total", full.logs, "rows");
      emit("seed_s", seedSeconds, "s");
      // Disk per review-log row, indexes and TOAST included (freshly loaded: compact b-trees).
      const size = await seeder.query<{ bytes: number }>(`SELECT pg_total_relation_size('"ReviewLog"')::float8 / greatest(count(*), 1) AS bytes FROM "ReviewLog"`);
      emit("review_log_bytes_per_row", size.rows[0]!.bytes, "bytes");
      const cpu0 = process.cpuUsage();
      const q1m = await profiled(profDir, "queue-1m", () => measureQueue(prisma, ids, { warmup: 500, calls: QUEUE_CALLS, limit: QUEUE_LIMIT, seed: "1m" }));
      const cpu = process.cpuUsage(cpu0);
      log(`loadQueue at ${full.states} states: ${formatSummary(summarize(q1m))}`);
      emit("queue_p50_ms_1m", percentile(q1m, 50), "ms");
      emit("queue_p99_ms_1m", percentile(q1m, 99), "ms");
      emit("queue_p99_ratio_1m_vs_10k", percentile(q1m, 99) / percentile(q10k, 99), "ratio");
      // How much of a queue fetch is this process's own CPU (Prisma, row decoding, previews), not the database.
      emit("queue_node_cpu_ms_per_call_1m", (cpu.user + cpu.system) / 1000 / (QUEUE_CALLS + 500), "ms");
    } finally {
      await prisma.$disconnect();
      await seeder.end();
    }

    const rng = seedrandom("grades");
    const runId = randomBytes(4).toString("hex");
    let next = 0;
    const take = (n: number) => Array.from({ length: n }, () => next++ % learners);

    // 3. Over HTTP: first one worker at 16, then every worker at each level.
    const rps: Record<string, number> = {};
    const workers = numberEnv("WEB_CONCURRENCY", os.availableParallelism(), (n) => Number.isInteger(n) && n >= 1);
    const appEnv = { DB_POOL_MAX: String(poolMax) };
    const nodeArgs = profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [];
    const authSecret = randomBytes(32).toString("hex");
    for (const w of [1, workers]) {
      app = await startApp({ databaseUrl: db.url, port: await freePort(), authSecret, workers: w, env: appEnv, nodeArgs });
      log(`the app is up at ${app.baseUrl} with ${w} worker(s) (pids ${app.workerPids().join(", ")})`);
      const agent = keepAliveAgent();
      for (const c of w === 1 ? [16] : LEVELS) {
        const group = await httpLearners(app.baseUrl, agent, take(c).map(learnerEmail), PASSWORD);
        const count = { ok: 0 };
        const cpu0 = app.cpuMicros();
        const r = await runLoad(counted(group, count), { warmupMs: WARMUP_MS, durationMs: seconds * 1000, runId: `${runId}-h${c}w${w}`, rng });
        const cpuPerGrade = (app.cpuMicros() - cpu0) / count.ok;
        if (w === 1) {
          rps.http_c16_w1 = r.ok / r.seconds;
          log(`http c16, 1 worker: ${rps.http_c16_w1.toFixed(0)} grades/s, ${formatSummary(summarize(r.latencies))}, app CPU ${cpuPerGrade.toFixed(0)} µs/grade`);
          emit("grade_http_rps_c16_w1", rps.http_c16_w1, "reviews/s");
          continue;
        }
        rps[`http_c${c}`] = reportLoad("http", r);
        if (c === 16) {
          log(`http c16, ${w} workers: app CPU ${cpuPerGrade.toFixed(0)} µs/grade`);
          emit("grade_app_cpu_us", cpuPerGrade, "µs/review");
        }
      }
      agent.destroy();
      await app.stop();
      app = undefined;
    }
    emit("web_concurrency", workers, "workers");

    // 4. Straight to PostgreSQL.
    const pool = rawPool(db.url, poolMax, log);
    try {
      for (const c of LEVELS) {
        const group = await Promise.all(take(c).map((n) => rawLearner(pool, learnerId(n))));
        const r = await runLoad(group, { warmupMs: WARMUP_MS, durationMs: seconds * 1000, runId: `${runId}-r${c}`, rng });
        rps[`raw_c${c}`] = reportLoad("raw", r);
      }
    } finally {
      await pool.end();
    }
    emit("grade_app_vs_raw_c16", rps.http_c16! / rps.raw_c16!, "ratio");
    emit("db_pool_max", poolMax, "connections");
    emit("bench_wall_s", (performance.now() - started) / 1000, "s");
  } finally {
    await cleanup();
  }
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});

// The app on every core: a primary process that forks `workers` copies of lib/server/worker.ts
// (Node's cluster module), which all listen on one port; the primary hands new connections to
// them in turn. A worker that dies is replaced (after a backoff when workers keep dying just
// after their start); stop() asks every worker to drain and waits for them.
//
// Nothing the workers must agree on lives in their memory: sessions are signed tokens, limits
// and everything else are in Postgres.
import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT } from "@/lib/config/root";

export type ClusterOptions = {
  workers: number;
  port: number;
  hostname?: string;
  /** Environment of the workers, on top of this process's. */
  env: Record<string, string | undefined>;
  log(line: string): void;
};

export type Cluster = {
  /** Settles once every first worker listens; rejects if one exits before. */
  ready: Promise<void>;
  /** The live workers' process ids. */
  pids(): number[];
  /** Drains every worker (they finish their requests) and waits for them to exit. */
  stop(): Promise<void>;
};

/** A worker that dies within this time of its start counts as a crash loop: back off. */
const EARLY_DEATH_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;
/** How long stop() waits for a draining worker before killing it. */
const STOP_GRACE_MS = 15_000;

export function startCluster(opts: ClusterOptions): Cluster {
  if (!cluster.isPrimary) throw new Error("startCluster: call it in the primary process");
  // The workers inherit this process's execArgv, i.e. tsx's loader, which runs worker.ts.
  cluster.setupPrimary({ exec: path.join(ROOT, "lib/server/worker.ts") });
  const env = { ...opts.env, PORT: String(opts.port), HOSTNAME: opts.hostname ?? "" };
  let stopping = false;
  let backoff = 0;
  const started = new Map<Worker, number>();

  const fork = () => {
    const worker = cluster.fork(env);
    started.set(worker, Date.now());
    return worker;
  };

  const first = Array.from({ length: opts.workers }, fork);
  const ready = Promise.all(
    first.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once("listening", () => resolve());
          w.once("exit", (code, signal) => reject(new Error(`worker ${w.process.pid} exited (${signal ?? code}) before it listened`)));
        }),
    ),
  ).then(() => opts.log(`${opts.workers} worker${opts.workers === 1 ? "" : "s"} listening on port ${opts.port}`));
  ready.catch(() => {});

  cluster.on("exit", (worker, code, signal) => {
    const since = started.get(worker) ?? 0;
    started.delete(worker);
    if (stopping) return;
    const early = Date.now() - since < EARLY_DEATH_MS;
    backoff = early ? Math.min(MAX_BACKOFF_MS, Math.max(500, backoff * 2)) : 0;
    opts.log(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting a new one${backoff ? ` in ${backoff} ms` : ""}`);
    void sleep(backoff).then(() => {
      if (!stopping) fork();
    });
  });

  return {
    ready,
    pids: () => [...started.keys()].filter((w) => !w.isDead()).map((w) => w.process.pid!),
    async stop() {
      stopping = true;
      const workers = [...started.keys()].filter((w) => !w.isDead());
      await Promise.all(
        workers.map(async (w) => {
          const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
          if (w.isConnected()) w.send("shutdown");
          else w.process.kill("SIGTERM");
          const done = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
          if (!done) {
            opts.log(`worker ${w.process.pid} did not finish within ${STOP_GRACE_MS} ms: killed`);
            w.process.kill("SIGKILL");
            await exited;
          }
        }),
      );
      opts.log(`stopped (${workers.length} worker${workers.length === 1 ? "" : "s"})`);
    },
  };
}

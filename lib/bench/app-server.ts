// The production app as a child process: the cluster of `npm start` (lib/server/serve.ts,
// WEB_CONCURRENCY workers) on a production build (see lib/cli/build.ts buildIfNeeded), ready
// once /api/health answers 200. Used by the bench and by the fault tests (which SIGKILL it or
// one of its workers).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "@/lib/config/root";
import { setTimeout as sleep } from "node:timers/promises";
import { childPids, treeCpuMicros } from "./process-cpu";

export type AppServer = {
  baseUrl: string;
  port: number;
  /** The cluster's primary. */
  pid: number;
  /** Its live workers. */
  workerPids(): number[];
  /** CPU time (user + system) used so far by the primary and its workers, in µs. */
  cpuMicros(): number;
  /** The last lines the server printed (stdout and stderr), for failure messages. */
  output(): string;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
};

export type AppOptions = {
  databaseUrl: string;
  port: number;
  authSecret: string;
  /** Options for node in every process of the app (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** Worker processes (WEB_CONCURRENCY); 1 unless set. */
  workers?: number;
  /** Extra environment (e.g. DB_POOL_MAX). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
};

const KEEP_LINES = 200;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function startApp(opts: AppOptions): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const child = spawn(
    process.execPath,
    // The workers inherit these options from the primary (cluster's default execArgv).
    [...(opts.nodeArgs ?? []), "--import", "tsx", path.join(ROOT, "lib/server/serve.ts")],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: opts.databaseUrl,
        AUTH_SECRET: opts.authSecret,
        NEXTAUTH_SECRET: opts.authSecret,
        NEXTAUTH_URL: baseUrl,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(opts.port),
        HOSTNAME: "127.0.0.1",
        WEB_CONCURRENCY: String(opts.workers ?? 1),
        ...opts.env,
      },
    },
  );
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const output = () => lines.join("\n");

  const server: AppServer = {
    baseUrl,
    port: opts.port,
    pid: child.pid!,
    // The primary's node children (tsx also starts an esbuild service).
    workerPids: () => childPids(child.pid!, path.basename(process.execPath).slice(0, 15)),
    cpuMicros: () => treeCpuMicros(child.pid!),
    output,
    async kill(signal) {
      child.kill(signal);
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exited(child).then(() => true), sleep(5_000).then(() => false)]);
      if (!done) await server.kill("SIGKILL");
    },
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  while (!(await healthy(baseUrl))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the app was not healthy within ${opts.readyTimeoutMs ?? 60_000} ms:\n${output()}`);
    }
    await sleep(100);
  }
  return server;
}

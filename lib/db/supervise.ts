// Keeps the embedded PostgreSQL of local mode running: when the postmaster dies (a crash,
// the OOM killer, `kill -9`), it is started again on the same data folder, with growing
// pauses between failed attempts, every step logged. Without this a crash left the app
// answering errors until a person restarted `npm start`. PostgreSQL's own crash recovery
// (WAL replay) makes a restart safe: every committed transaction is still there.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { EmbeddedServer } from "./embedded";

/** What the supervisor last saw, written to `statusFile` for the app's /api/health. */
export type DatabaseStatus = {
  state: "up" | "restarting" | "stopped";
  /** When the state began (ISO 8601). */
  since: string;
  /** Restarts since `npm start` began. */
  restarts: number;
  /** How the last postmaster ended, e.g. "killed by SIGKILL". */
  lastExit?: string;
};

export type Supervised = {
  /** The running server (replaced on each restart). */
  current(): EmbeddedServer;
  /** Stops supervising and the server. */
  stop(): Promise<void>;
};

/**
 * Pauses before restart attempts (ms): the first at once-ish, since the usual cause is a
 * killed process and the data folder is fine; later ones longer, so a server that cannot
 * start (disk full, a broken data folder) is not restarted in a tight loop. The last repeats.
 */
export const RESTART_BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 4_000, 8_000, 15_000];
/** A server that stays up this long is healthy again: the next crash starts the backoff afresh. */
const STABLE_AFTER_MS = 60_000;

function describeExit({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }): string {
  return signal ? `killed by ${signal}` : `exited with code ${code}`;
}

function writeStatus(file: string | undefined, status: DatabaseStatus): void {
  if (!file) return;
  // Written whole then renamed, so the app never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(status));
  fs.renameSync(tmp, file);
}

/** The status file as the app reads it; undefined when there is none (no supervisor, remote database) or it is unreadable. */
export function readDatabaseStatus(file: string | undefined): DatabaseStatus | undefined {
  if (!file) return undefined;
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const s = parsed as Partial<DatabaseStatus>;
    if ((s.state !== "up" && s.state !== "restarting" && s.state !== "stopped") || typeof s.since !== "string" || typeof s.restarts !== "number") return undefined;
    return { state: s.state, since: s.since, restarts: s.restarts, ...(typeof s.lastExit === "string" ? { lastExit: s.lastExit } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * Starts the server with `start` and restarts it whenever it dies until stop() is called.
 * `start` is called again for every restart (startEmbedded with the same options).
 */
export async function superviseEmbedded(opts: {
  start: () => Promise<EmbeddedServer>;
  log: (line: string) => void;
  statusFile?: string;
  backoffMs?: number[];
}): Promise<Supervised> {
  const backoff = opts.backoffMs ?? RESTART_BACKOFF_MS;
  let server = await opts.start();
  let stopping = false;
  let restarts = 0;
  let startedAt = Date.now();
  let failures = 0; // consecutive: crashes soon after a restart count on, as a crash loop
  writeStatus(opts.statusFile, { state: "up", since: new Date().toISOString(), restarts });

  const watch = async (): Promise<void> => {
    for (;;) {
      const exit = await server.exited;
      if (stopping) return;
      const lastExit = describeExit(exit);
      const downSince = Date.now();
      if (downSince - startedAt > STABLE_AFTER_MS) failures = 0;
      opts.log(`The embedded PostgreSQL died (postmaster ${server.pid ?? "?"} ${lastExit}); restarting it.`);
      writeStatus(opts.statusFile, { state: "restarting", since: new Date(downSince).toISOString(), restarts, lastExit });
      for (;;) {
        const pause = backoff[Math.min(failures, backoff.length - 1)] ?? 1_000;
        failures++;
        await sleep(pause);
        if (stopping) return;
        try {
          server = await opts.start();
          if (stopping) {
            await server.stop(); // stop() came during this attempt: leave nothing running
            return;
          }
          break;
        } catch (err) {
          // Typically "shared memory block still in use" while the killed postmaster's
          // backends are still exiting; they go within a second or two.
          const reason = err instanceof Error ? err.message : "it exited during start-up";
          opts.log(`Restarting the embedded PostgreSQL failed (attempt ${failures}): ${reason || "it exited during start-up"}; next attempt in ${backoff[Math.min(failures, backoff.length - 1)] ?? 1_000} ms.`);
        }
      }
      restarts++;
      startedAt = Date.now();
      opts.log(`The embedded PostgreSQL is back (postmaster ${server.pid ?? "?"}), ${startedAt - downSince} ms after it died (restart ${restarts}).`);
      writeStatus(opts.statusFile, { state: "up", since: new Date(startedAt).toISOString(), restarts, lastExit });
    }
  };
  const watching = watch().catch((err: unknown) => opts.log(`The embedded PostgreSQL supervisor stopped: ${err instanceof Error ? err.message : String(err)}`));

  return {
    current: () => server,
    async stop() {
      stopping = true;
      await server.stop();
      writeStatus(opts.statusFile, { state: "stopped", since: new Date().toISOString(), restarts });
      // The watcher wakes on the exit and sees `stopping`; a restart in its pause sees it too.
      await Promise.race([watching, sleep(1_000)]);
    },
  };
}

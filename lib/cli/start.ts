// `npm start`: database (embedded unless DATABASE_URL is set), migrations, content decks,
// demo accounts in local mode, a production build when the sources changed, then the app's
// HTTP server in WEB_CONCURRENCY worker processes on one port (lib/server/cluster.ts).
import path from "node:path";
import { readEnv, assertProductionSecret } from "@/lib/config/env";
import { ROOT } from "@/lib/config/root";
import { startEmbedded, DatabaseInUseError } from "@/lib/db/embedded";
import { superviseEmbedded, type Supervised } from "@/lib/db/supervise";
import { LOCAL_DB_NAME, localSecrets } from "@/lib/db/local-secrets";
import { checkReachable } from "@/lib/db/check";
import { ensureDatabase, migrate } from "@/lib/db/prepare";
import { createPrisma } from "@/lib/db/client";
import { loadContentDecks } from "@/lib/decks/content";
import { seedDemo } from "@/lib/decks/demo";
import { startCluster } from "@/lib/server/cluster";
import { buildIfNeeded } from "./build";

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function main() {
  const env = readEnv();
  const local = !env.DATABASE_URL;
  let server: Supervised | undefined;
  let statusFile: string | undefined;
  let databaseUrl = env.DATABASE_URL;
  let authSecret = env.AUTH_SECRET;
  let demoPassword: string | undefined;

  try {
    assertProductionSecret(env);
  } catch (err) {
    fail((err as Error).message);
  }

  if (local) {
    const secrets = localSecrets(env.DATA_DIR);
    authSecret ??= secrets.authSecret;
    demoPassword = secrets.demoPassword;
    console.log(`Starting the embedded PostgreSQL in ${path.relative(ROOT, env.DATA_DIR) || "."}/pg on port ${env.PG_PORT}...`);
    statusFile = path.join(env.DATA_DIR, "db-status.json");
    try {
      // Supervised: restarted with backoff whenever the postmaster dies, while the app answers
      // 503 and its /api/health reads the supervisor's status file.
      server = await superviseEmbedded({
        start: () => startEmbedded({ dataDir: path.join(env.DATA_DIR, "pg"), port: env.PG_PORT, password: secrets.pgPassword }),
        log: (line) => console.warn(`[database] ${line}`),
        statusFile,
      });
    } catch (err) {
      if (err instanceof DatabaseInUseError) fail(err.message);
      fail(`The embedded database did not start: ${(err as Error).message}`);
    }
    databaseUrl = server.current().socketUrl(LOCAL_DB_NAME);
    await ensureDatabase(databaseUrl);
  }
  const url = databaseUrl as string;

  try {
    await checkReachable(url);
  } catch (err) {
    await server?.stop();
    fail((err as Error).message);
  }

  const applied = await migrate(url).catch(async (err: Error) => {
    await server?.stop();
    fail(err.message);
  });
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  const db = createPrisma(url, 2);
  try {
    const decks = await loadContentDecks(db);
    console.log(`Content decks: ${decks.map((d) => `${d.slug} (${d.cards} cards)`).join(", ")}`);
    if (local && demoPassword) {
      const demo = await seedDemo(db, demoPassword);
      console.log("Demo accounts (local mode only):");
      for (const a of demo) console.log(`  ${a.role.toLowerCase().padEnd(8)} ${a.email}  password: ${a.password}`);
    }
  } finally {
    await db.$disconnect();
  }

  await buildIfNeeded();

  const app = startCluster({
    workers: env.WEB_CONCURRENCY,
    port: env.PORT,
    env: {
      DATABASE_URL: url,
      AUTH_SECRET: authSecret,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
      NODE_ENV: "production",
      ...(statusFile ? { DB_STATUS_FILE: statusFile } : {}),
    },
    log: (line) => console.log(`[app] ${line}`),
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The workers drain first (their requests may still need the database), then the database stops.
    await app.stop();
    await server?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  try {
    await app.ready;
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    await stop(1);
  }
  console.log(`History Cards is at http://localhost:${env.PORT}`);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));

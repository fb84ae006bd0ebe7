// The app's HTTP server on a database that is already prepared (migrated, content loaded)
// and a production build: what `npm start` runs last, on its own for tests and benches
// (lib/bench/app-server.ts). PORT, HOSTNAME (all interfaces if unset), WEB_CONCURRENCY.
import { readEnv } from "@/lib/config/env";
import { startCluster } from "./cluster";

const env = readEnv();
const app = startCluster({ workers: env.WEB_CONCURRENCY, port: env.PORT, hostname: process.env.HOSTNAME || undefined, env: {}, log: (line) => console.log(`[cluster] ${line}`) });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
await app.ready.catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});

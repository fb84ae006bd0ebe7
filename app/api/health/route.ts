import { pingDatabase } from "@/lib/db/check";
import { prisma } from "@/lib/db/client";
import { readDatabaseStatus } from "@/lib/db/supervise";
import { handle, json } from "@/lib/http/handler";
import { databaseUnavailableBody, DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/http/unavailable";

export const dynamic = "force-dynamic";

// 200 only when the database answers. While it is down, 503 with Retry-After (what load
// balancers and the fault test wait on), plus what `npm start`'s supervisor of the embedded
// server last saw (restarting since when, after what), which it writes to DB_STATUS_FILE.
export const GET = handle(async () => {
  const supervised = readDatabaseStatus(process.env.DB_STATUS_FILE);
  try {
    await pingDatabase(prisma());
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    const res = json({ ...databaseUnavailableBody(), ok: false, database: supervised ?? { state: "unreachable" } }, 503);
    res.headers.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
    return res;
  }
  return json({ ok: true, ...(supervised ? { database: { state: "up", restarts: supervised.restarts, ...(supervised.lastExit ? { lastExit: supervised.lastExit } : {}) } } : {}) });
});

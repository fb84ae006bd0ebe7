// One clear line when the database cannot be reached, instead of a driver stack trace.
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    let where = "the configured host";
    try {
      const u = new URL(url);
      where = `${u.hostname}:${u.port || 5432} (database "${u.pathname.slice(1)}")`;
    } catch {
      /* keep the generic wording */
    }
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Cannot reach the database at ${where}: ${reason}. Check that PostgreSQL is running there and that DATABASE_URL (host, port, user, password, database) is right, or unset DATABASE_URL to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Resolves when the app's database answers a trivial query (GET /api/health). */
export async function pingDatabase(db: PrismaClient): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

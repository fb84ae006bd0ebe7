// Everything between "a Postgres server exists" and "the app can serve": the database
// itself, its migrations, and the content decks.
import pg from "pg";
import { migrate } from "./migrate";

/** Creates the database named in `url` when missing, connecting to `postgres` on the same server. */
export async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

export { migrate };

// The bench's own pg pool (the raw baseline, no app in between). pool.end() resolves once it
// has asked its connections to close, not once the server has seen them go: when the bench's
// PostgreSQL stops right after (cleanup), each such connection still gets a "terminating
// connection due to administrator command" error, and a pool without an 'error' listener
// turns that into an unhandled 'error' event that ends the bench after its figures.
import pg from "pg";

/** A pool whose lost idle connections are logged while it runs and ignored once it is ending. */
export function rawPool(url: string, max: number, log: (line: string) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", (err) => {
    if (!pool.ending) log(`raw pool: an idle connection was lost: ${err.message}`);
  });
  return pool;
}

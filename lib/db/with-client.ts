// One short-lived connection for a one-off job (admin statements, catalog reads, tests),
// closed whatever happens; the app's queries go through the pooled Prisma client instead.
import pg from "pg";

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

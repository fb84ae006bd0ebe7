// A comparable snapshot of a database's structure: what "the schema and the migrations
// describe the same database" means, checked column by column.
import { withClient } from "./with-client";

export type Catalog = Record<string, string[]>;

const QUERIES: Record<string, string> = {
  columns: `SELECT table_name || '.' || column_name || ' ' || udt_name || coalesce('(' || character_maximum_length || ')', '')
              || coalesce(' p' || datetime_precision, '') || ' ' || is_nullable || ' default=' || coalesce(column_default, '-') AS v
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  indexes: `SELECT indexname || ': ' || indexdef AS v FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  constraints: `SELECT rel.relname || '.' || con.conname || ' ' || con.contype::text || ' ' || pg_get_constraintdef(con.oid) AS v
                FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
                WHERE n.nspname = 'public' AND rel.relname <> '_prisma_migrations'`,
  enums: `SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS v
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY t.typname`,
};

export function catalog(url: string): Promise<Catalog> {
  return withClient(url, async (client) => {
    const out: Catalog = {};
    for (const [name, sql] of Object.entries(QUERIES)) {
      const { rows } = await client.query<{ v: string }>(sql);
      out[name] = rows.map((r) => r.v).sort();
    }
    return out;
  });
}

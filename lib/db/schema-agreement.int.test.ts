import { afterAll, describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { migrate } from "./migrate";
import { diffSql, schemaText } from "./schema-sql";
import { withClient } from "./with-client";
import { emptyDatabase } from "@/lib/testing/db";

const exec = (url: string, sql: string) => withClient(url, (c) => c.query(sql));

describe("schema.prisma and prisma/migrations", () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it("describe the same database (tables, columns, types, nullability, indexes, keys)", async () => {
    const fromMigrations = await emptyDatabase();
    const fromSchema = await emptyDatabase();
    drops.push(fromMigrations.drop, fromSchema.drop);
    await migrate(fromMigrations.url);
    await exec(fromSchema.url, diffSql(null, schemaText(), fromSchema.url));
    const a = await catalog(fromMigrations.url);
    const b = await catalog(fromSchema.url);
    expect(a.columns!.length).toBeGreaterThan(20);
    expect(a).toEqual(b);
  }, 120_000);

  it("notices a schema change that has no migration", async () => {
    const withExtra = schemaText().replace("model Source {", "model Source {\n  extraColumn String?");
    const fromMigrations = await emptyDatabase();
    const fromSchema = await emptyDatabase();
    drops.push(fromMigrations.drop, fromSchema.drop);
    await migrate(fromMigrations.url);
    await exec(fromSchema.url, diffSql(null, withExtra, fromSchema.url));
    const a = await catalog(fromMigrations.url);
    const b = await catalog(fromSchema.url);
    expect(a).not.toEqual(b);
    expect(b.columns!.some((c) => c.startsWith("Source.extraColumn"))).toBe(true);
  }, 120_000);
});

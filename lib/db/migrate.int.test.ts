import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "./migrate";
import { withClient } from "./with-client";
import { emptyDatabase } from "@/lib/testing/db";

const rows = (url: string, sql: string) => withClient(url, async (c) => (await c.query(sql)).rows);

describe("migration runner", () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it("applies every migration to a fresh database, recording them as Prisma does", async () => {
    const db = await emptyDatabase();
    drops.push(db.drop);
    const applied = await migrate(db.url);
    const all = readMigrations();
    expect(applied).toEqual(all.map((m) => m.name));
    const recorded = await rows(db.url, `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(recorded.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
    expect(recorded.map((r) => r.checksum)).toEqual(all.map((m) => m.checksum));
    for (const r of recorded) {
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
      expect(r.rolled_back_at).toBeNull();
    }
    const tables = await rows(db.url, `SELECT table_name FROM information_schema.tables WHERE table_schema='public'`);
    expect(tables.map((t) => t.table_name)).toContain("User");
  });

  it("is a no-op when run again", async () => {
    const db = await emptyDatabase();
    drops.push(db.drop);
    await migrate(db.url);
    const before = await rows(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(await migrate(db.url)).toEqual([]);
    expect(await rows(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).toEqual(before);
  });

  it("stops at a failing migration, leaves none of it applied, records the failure and refuses to go on", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-mig-"));
    const write = (name: string, sql: string) => {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
    };
    write("001_ok", `CREATE TABLE "a" ("id" INT PRIMARY KEY);`);
    write("002_bad", `CREATE TABLE "b" ("id" INT PRIMARY KEY);\nSELECT no_such_function();`);
    write("003_after", `CREATE TABLE "c" ("id" INT PRIMARY KEY);`);
    const db = await emptyDatabase();
    drops.push(db.drop);

    await expect(migrate(db.url, dir)).rejects.toThrow(/002_bad failed: .*no_such_function/);
    const tables = (await rows(db.url, `SELECT table_name FROM information_schema.tables WHERE table_schema='public' ORDER BY 1`)).map((t) => t.table_name);
    expect(tables).toEqual(["_prisma_migrations", "a"]);
    const rec = await rows(db.url, `SELECT migration_name, finished_at, logs FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rec).toHaveLength(2);
    expect(rec[1].migration_name).toBe("002_bad");
    expect(rec[1].finished_at).toBeNull();
    expect(rec[1].logs).toMatch(/no_such_function/);

    const again = migrate(db.url, dir);
    await expect(again).rejects.toBeInstanceOf(MigrationError);
    await expect(migrate(db.url, dir)).rejects.toThrow(/002_bad failed earlier/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an applied migration whose file was edited", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-mig-"));
    fs.mkdirSync(path.join(dir, "001_x"));
    fs.writeFileSync(path.join(dir, "001_x", "migration.sql"), `CREATE TABLE "x" ("id" INT);`);
    const db = await emptyDatabase();
    drops.push(db.drop);
    await migrate(db.url, dir);
    fs.writeFileSync(path.join(dir, "001_x", "migration.sql"), `CREATE TABLE "x" ("id" BIGINT);`);
    await expect(migrate(db.url, dir)).rejects.toThrow(/was changed after it was applied/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

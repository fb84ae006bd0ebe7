// `npm run migration -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql with
// the SQL from the schema as of the last commit that touched prisma/migrations to the
// working prisma/schema.prisma (Prisma's own `migrate dev` cannot run offline here).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "@/lib/config/root";
import { startEmbedded } from "@/lib/db/embedded";
import { diffSql, schemaText } from "@/lib/db/schema-sql";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration -- NAME   (lower-case letters, digits and _)");
  process.exit(2);
}
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
const base = git("log", "-1", "--format=%H", "--", "prisma/migrations");
const before = base ? git("show", `${base}:prisma/schema.prisma`) : null;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-migration-"));
const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port: 54398, password: "migration-only" });
try {
  const sql = diffSql(before, schemaText(), server.url("postgres"));
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/m.test(sql.trim())) {
    console.log("The schema has not changed since the last migration: nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const out = path.join(ROOT, "prisma/migrations", `${stamp}_${name}`);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(ROOT, out)}/migration.sql — read it before committing.`);
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

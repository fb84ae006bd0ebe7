// SQL that builds the database `prisma/schema.prisma` describes, rendered by Prisma 6's
// Wasm schema engine (prisma/diff-tool), because Prisma 7's CLI needs a native engine
// that cannot be downloaded here. Used to check migrations against the schema and to
// write new migrations (lib/cli/migration.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "@/lib/config/root";

const TOOL = path.join(ROOT, "prisma/diff-tool");
const CLI = path.join(TOOL, "node_modules/prisma/build/index.js");

export function ensureDiffTool(): void {
  if (fs.existsSync(CLI)) return;
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: TOOL, stdio: "inherit" });
}

// Prisma 6 wants the datasource url in the schema; Prisma 7 forbids it there.
function asPrisma6(schema: string): string {
  return schema.replace(/datasource\s+db\s*\{/, (m) => `${m}\n  url = env("DATABASE_URL")`);
}

/**
 * SQL from `fromSchema` (or nothing) to `toSchema`, both given as schema text.
 * `databaseUrl`: any reachable Postgres; the Wasm engine connects but reads nothing.
 */
export function diffSql(fromSchema: string | null, toSchema: string, databaseUrl: string): string {
  ensureDiffTool();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hc-schema-"));
  try {
    const to = path.join(dir, "to.prisma");
    fs.writeFileSync(to, asPrisma6(toSchema));
    const from = ["--from-empty"];
    if (fromSchema !== null) {
      fs.writeFileSync(path.join(dir, "from.prisma"), asPrisma6(fromSchema));
      from.splice(0, 1, "--from-schema-datamodel", path.join(dir, "from.prisma"));
    }
    return execFileSync(process.execPath, [CLI, "migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], {
      cwd: TOOL, // its prisma.config.ts selects the Wasm engine
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DIFF_DATABASE_URL: databaseUrl,
        // Rendering SQL between two datamodels uses the Wasm engine only; these keep the
        // CLI from trying to download native engines it would not use.
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        PRISMA_QUERY_ENGINE_LIBRARY: path.join(TOOL, "package.json"),
        PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function schemaText(): string {
  return fs.readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
}

// Builds the app only when its sources changed since the last build, so `npm start` is
// quick on a second run and never serves a stale build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "@/lib/config/root";

const INPUTS = ["app", "pages", "lib", "content", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"];
const SKIP = new Set(["generated", "node_modules", "cli", "testing"]);
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
const STAMP = path.join(DIST, "source-hash");

function walk(p: string, hash: ReturnType<typeof createHash>) {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (!SKIP.has(name) && !name.endsWith(".test.ts")) walk(path.join(p, name), hash);
    }
  } else {
    hash.update(path.relative(ROOT, p)).update("\0").update(fs.readFileSync(p));
  }
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(path.join(ROOT, input), hash);
  return hash.digest("hex");
}

export async function buildIfNeeded(): Promise<void> {
  const want = sourceHash();
  const have = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, "utf8") : "";
  if (have === want && fs.existsSync(path.join(DIST, "BUILD_ID"))) return;
  console.log("Building the app (first start or sources changed)...");
  const res = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error("next build failed (see the output above)");
  fs.writeFileSync(STAMP, want);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildIfNeeded();
}

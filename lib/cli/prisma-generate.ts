// `prisma generate` without network: Prisma 7's CLI insists on locating a native schema
// engine even though generation never uses it, so point it at any executable.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", "prisma/schema.prisma"],
  {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  },
);
process.exit(result.status ?? 1);

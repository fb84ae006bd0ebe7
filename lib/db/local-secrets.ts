// Secrets for local mode, generated on first start and kept in DATA_DIR (git-ignored),
// so restarts keep sessions and the embedded database password stays the same.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const secretsSchema = z.object({
  authSecret: z.string().min(32),
  pgPassword: z.string().min(16),
  demoPassword: z.string().min(10),
});
export type LocalSecrets = z.infer<typeof secretsSchema>;

export function localSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "local-secrets.json");
  if (fs.existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
    throw new Error(`${file} is damaged; delete it to generate new local secrets (existing sessions will end).`);
  }
  const secrets: LocalSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    pgPassword: randomBytes(18).toString("base64url"),
    demoPassword: `demo-${randomBytes(6).toString("hex")}`,
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export const LOCAL_DB_NAME = "history_cards";

/** The local-mode database of a running `npm start` (embedded server on PG_PORT). */
export function localDatabaseUrl(env: { DATA_DIR: string; PG_PORT: number }): string {
  const { pgPassword } = localSecrets(env.DATA_DIR);
  return `postgresql://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${env.PG_PORT}/${LOCAL_DB_NAME}`;
}

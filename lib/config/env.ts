// Runtime configuration read from the environment, validated once at the boundary.
import { isIP } from "node:net";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

/** An IP address or a CIDR range ("10.0.0.0/8", "fd00::/8"). */
export function isAddressOrRange(entry: string): boolean {
  const [addr = "", bits, ...rest] = entry.split("/");
  const family = isIP(addr);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  // A read replica for heavy reads that may lag a moment (lib/db/client.ts readPrisma).
  DATABASE_READ_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Worker processes serving the app (lib/server/cluster.ts): one per core unless set.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(() => os.availableParallelism()),
  // npm runs scripts, and `next start`, in the project root.
  DATA_DIR: z.string().min(1).default(path.join(process.cwd(), ".data")),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  NODE_ENV: z.string().default("development"),
  // Who may register as a teacher: holders of an invitation (lib/auth/teacher-invitations.ts),
  // or, "open", anyone (a one-teacher install).
  TEACHER_SIGNUP: z.enum(["invitation", "open"], { error: 'must be "invitation" or "open"' }).default("invitation"),
  // Proxies whose X-Forwarded-For is believed (comma- or space-separated addresses and CIDR
  // ranges). Unset: the socket's peer is the client, and the header is ignored.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const entries = value.split(/[\s,]+/).filter(Boolean);
      for (const entry of entries) {
        if (!isAddressOrRange(entry)) ctx.addIssue({ code: "custom", message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)` });
      }
      return entries;
    }),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}

/** A database on this machine (loopback or a Unix socket) counts as local, not production. */
export function isLocalDatabase(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "" || host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
  } catch {
    return false;
  }
}

/**
 * Production (NODE_ENV=production on a non-local database) must be given AUTH_SECRET:
 * a generated one would change on every deploy and sign everybody out, or worse, be guessable.
 */
export function assertProductionSecret(env: Env): void {
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !isLocalDatabase(env.DATABASE_URL) && !env.AUTH_SECRET) {
    throw new Error(
      "AUTH_SECRET is not set. In production (NODE_ENV=production with a non-local DATABASE_URL) set AUTH_SECRET to a random string of 32+ characters, e.g. `openssl rand -base64 32`.",
    );
  }
}

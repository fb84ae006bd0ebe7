// Checks an email and password; the same generic failure for an unknown email and a wrong
// password, so sign-in never reveals which accounts exist.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { dummyHash, verifyPassword } from "./password";
import type { LoginLimiter } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: "STUDENT" | "TEACHER";
  /** API routes: the client's address at sign-in, from the socket (absent in older sessions). */
  signInAddress?: string;
  /** The session version the token carries (lib/auth/revocation.ts); set at sign-in and on API reads. */
  sessionVersion?: number;
};

export const INVALID_CREDENTIALS = "Incorrect email or password.";

export class SignInError extends Error {}

export async function authenticate(
  db: PrismaClient,
  limiter: LoginLimiter,
  input: unknown,
  /** The client's address as lib/auth/client-address.ts derives it (never a shared constant). */
  address: string,
): Promise<SessionUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;

  // Counted before the password is checked, so parallel guesses cannot outrun the limit.
  const attempt = await limiter.attempt(email, address);
  if (!attempt.allowed) {
    throw new SignInError(`Too many failed sign-in attempts. Try again in ${attempt.retryAfter} seconds.`);
  }
  let user: Awaited<ReturnType<typeof findUser>>;
  let ok: boolean;
  try {
    user = await findUser(db, email);
    ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  } catch (err) {
    await attempt.release();
    throw err;
  }
  // A wrong password stays counted as the failure it is.
  if (!user || !ok) throw new SignInError(INVALID_CREDENTIALS);
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

function findUser(db: PrismaClient, email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true } });
}

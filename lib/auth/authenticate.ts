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

export type SessionUser = { id: string; email: string; name: string; role: "STUDENT" | "TEACHER" };

export const INVALID_CREDENTIALS = "Incorrect email or password.";

export class SignInError extends Error {}

export async function authenticate(
  db: PrismaClient,
  limiter: LoginLimiter,
  input: unknown,
  ip: string,
): Promise<SessionUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;

  const wait = await limiter.retryAfter(email, ip);
  if (wait > 0) {
    throw new SignInError(`Too many failed sign-in attempts. Try again in ${wait} seconds.`);
  }
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) {
    await limiter.failed(email, ip);
    throw new SignInError(INVALID_CREDENTIALS);
  }
  await limiter.succeeded(email);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

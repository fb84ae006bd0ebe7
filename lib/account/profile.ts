// Account settings: the signed-in user's name, email and password. Every query is scoped
// to the user's own row. A password change ends every other session (the caller renews
// this one: lib/auth/renew-session.ts).
import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { accountGone } from "@/lib/auth/revocation";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/auth/register";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { LoginLimiter } from "@/lib/auth/rate-limit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["STUDENT", "TEACHER"]),
});
export type Account = z.infer<typeof accountSchema>;

/** `PATCH /api/account`: a new name, a new email, or both. Unknown fields answer 422. */
export const accountPatchSchema = z
  .strictObject({ name: nameSchema.optional(), email: emailSchema.optional() })
  .refine((p) => p.name !== undefined || p.email !== undefined, { message: "Send a new name or email" });

/** `PUT /api/account/password`. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string({ error: "Enter your current password" }).min(1, { message: "Enter your current password" }).max(200),
  newPassword: passwordSchema,
});

const select = { id: true, name: true, email: true, role: true } as const;

const isUniqueViolation = (err: unknown) => typeof err === "object" && err !== null && "code" in err && err.code === "P2002";

export async function getAccount(db: PrismaClient, userId: string): Promise<Account> {
  const user = await db.user.findUnique({ where: { id: userId }, select });
  if (!user) throw accountGone();
  return user;
}

export async function updateAccount(db: PrismaClient, userId: string, input: unknown): Promise<Account> {
  const patch = accountPatchSchema.parse(input);
  try {
    return await db.user.update({ where: { id: userId }, data: patch, select });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new DomainError("conflict", "Another account already uses this email.", { fields: { email: "Another account already uses this email." } });
    }
    if (typeof err === "object" && err && "code" in err && err.code === "P2025") throw accountGone();
    throw err;
  }
}

/** 429 after too many wrong current passwords; the route sends `retryAfterSec` as Retry-After. */
export class PasswordGuessesLimited extends DomainError {
  constructor(readonly retryAfterSec: number) {
    super("rate_limited", `Too many wrong passwords. Try again in ${retryAfterSec} seconds.`);
  }
}

/**
 * Checks the current password, stores the new one (argon2id) and bumps the session version
 * in the same statement, which ends every session of the user. Returns the new version, for
 * the caller to renew the session that asked. 422 for a wrong current password: nothing changes.
 * Each check counts as a sign-in attempt (`guard`: the sign-in limiter, and the address the
 * session signed in from), so a stolen session cannot guess the password faster than sign-in can.
 */
export async function changePassword(
  db: PrismaClient,
  userId: string,
  input: unknown,
  guard: { limiter: LoginLimiter; address: string },
): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = passwordChangeSchema.parse(input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (!user) throw accountGone();
  const attempt = await guard.limiter.attempt(user.email, guard.address);
  if (!attempt.allowed) throw new PasswordGuessesLimited(attempt.retryAfter);
  let right: boolean;
  try {
    right = await verifyPassword(user.passwordHash, currentPassword);
  } catch (err) {
    await attempt.release();
    throw err;
  }
  if (!right) {
    const message = "Your current password is not correct.";
    throw new DomainError("validation_failed", message, { fields: { currentPassword: message } });
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(newPassword);
  // Only if the hash is still the one just checked: two changes racing cannot both win.
  const [row] = await db.$queryRaw<{ sessionVersion: number }[]>`
    UPDATE "User" SET "passwordHash" = ${passwordHash}, "sessionVersion" = "sessionVersion" + 1
    WHERE id = ${userId}::uuid AND "passwordHash" = ${user.passwordHash}
    RETURNING "sessionVersion"`;
  if (!row) throw new DomainError("conflict", "Your password was changed meanwhile. Sign in again.");
  return { sessionVersion: row.sessionVersion };
}

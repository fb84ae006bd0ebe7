// One-time password reset links. A link carries 32 random bytes (256 bits: guessing one is
// hopeless however fast an attacker asks); only their SHA-256 is stored, so a copy of the
// database resets nobody's password. A link works once, until it expires, and only for the
// account it was issued for; issuing a new one withdraws the earlier unused ones. Using it
// sets the new password and ends every session of the account.
import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { emailSchema, passwordSchema } from "@/lib/auth/register";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, newToken, TOKEN_PATTERN } from "@/lib/auth/one-time-token";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** How long a link works: a teacher's or the operator's is handed over in person (a school day); an emailed one is used at once. */
export const RESET_TTL_MS = { handedOver: 24 * 60 * 60 * 1000, emailed: 60 * 60 * 1000 } as const;

/** At most this many links per account in RECENT_MS (emailed links: a mailbox must not be flooded). */
export const MAX_RECENT_LINKS = 3;
export const RECENT_MS = 60 * 60 * 1000;

export const resetRequestSchema = z.strictObject({ email: emailSchema });
export const resetRedeemSchema = z.strictObject({
  token: z.string({ error: "The reset link is incomplete" }).regex(TOKEN_PATTERN, { message: "The reset link is incomplete: open it again from the message you were given" }),
  password: passwordSchema,
});

/** The page a link opens. The token goes in the fragment: browsers send it to no server (logs, Referer). */
export function resetUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/reset-password#token=${token}`;
}

export type IssuedLink = { token: string; expiresAt: Date };

/** A new link for `userId`, withdrawing the account's earlier unused ones. */
export async function issueResetLink(
  db: PrismaClient,
  userId: string,
  { issuedById = null, ttlMs, now = new Date() }: { issuedById?: string | null; ttlMs: number; now?: Date },
): Promise<IssuedLink> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.$transaction([
    // Expired rather than deleted: they still count towards MAX_RECENT_LINKS.
    db.passwordResetToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }),
    db.passwordResetToken.create({ data: { userId, tokenHash: hashToken(token), issuedById, createdAt: now, expiresAt } }),
  ]);
  return { token, expiresAt };
}

/** How many links were issued for the account in the last RECENT_MS (for bounding emailed ones). */
export async function recentLinkCount(db: PrismaClient, userId: string, now = new Date()): Promise<number> {
  return db.passwordResetToken.count({ where: { userId, createdAt: { gt: new Date(now.getTime() - RECENT_MS) } } });
}

/**
 * A teacher's link for a student of one of their own classes. Another teacher's class, a
 * student not in it, or a teacher's account answer the same 404: the link is scoped to the
 * teacher's class, and a teacher cannot take over another teacher's account this way.
 */
export async function issueLinkForStudent(db: PrismaClient, teacherId: string, classId: string, studentId: string, now = new Date()) {
  const enrolment = await db.enrollment.findFirst({
    where: { classId, userId: studentId, class: { teacherId }, user: { role: "STUDENT" } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!enrolment) throw new DomainError("not_found", "No such student in this class.");
  const link = await issueResetLink(db, enrolment.user.id, { issuedById: teacherId, ttlMs: RESET_TTL_MS.handedOver, now });
  return { ...link, student: enrolment.user };
}

const INVALID_LINK = "This reset link does not work: it was already used, has expired, or was replaced by a newer one. Ask for a new link.";

/**
 * Sets a new password with a link: at most once per link (the link is marked used in the
 * same statement that checks it), and ends every session of the account. 400 for a link
 * that is unknown, used, withdrawn or expired; nothing changes then.
 */
export async function redeemResetLink(db: PrismaClient, input: unknown, now = new Date()): Promise<{ userId: string; email: string }> {
  const { token, password } = resetRedeemSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const rows = await db.$transaction(async (tx) => {
    const used = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordResetToken" SET "usedAt" = ${now}
      WHERE "tokenHash" = ${hashToken(token)} AND "usedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING "userId"::text AS "userId"`;
    if (used.length === 0) return [];
    return tx.$queryRaw<{ userId: string; email: string }[]>`
      UPDATE "User" SET "passwordHash" = ${passwordHash}, "sessionVersion" = "sessionVersion" + 1
      WHERE id = ${used[0]!.userId}::uuid
      RETURNING id::text AS "userId", email`;
  });
  if (rows.length === 0) throw new DomainError("bad_request", INVALID_LINK);
  return rows[0]!;
}

// Teacher accounts come from an invitation: a one-time link that a teacher (or the operator,
// `npm run invite-teacher`) makes and hands to a colleague. Like password reset links, its
// token is 256 random bits stored only as a SHA-256; it works once, until it expires, and is
// used up in the transaction that creates the account, so two registrations racing with one
// link make one teacher. TEACHER_SIGNUP=open lets anyone register as a teacher instead.
import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { readEnv } from "@/lib/config/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken, newToken, TOKEN_PATTERN } from "./one-time-token";

/** An invitation goes from one colleague to another, not always the same day. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type TeacherSignup = "invitation" | "open";

/** The operator's setting (TEACHER_SIGNUP), read once per process. */
let configured: TeacherSignup | undefined;
export function teacherSignup(): TeacherSignup {
  configured ??= readEnv().TEACHER_SIGNUP;
  return configured;
}

export const invitationTokenSchema = z
  .string({ error: "The invitation link is incomplete" })
  .regex(TOKEN_PATTERN, { message: "The invitation link is incomplete: open the whole link again" });

/** The page an invitation opens. The token goes in the fragment, which browsers send to no server (logs, Referer). */
export function invitationUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/register#invite=${token}`;
}

export type IssuedInvitation = { token: string; expiresAt: Date };

/** A new invitation; `issuedById` null for the operator's. */
export async function issueInvitation(db: PrismaClient, { issuedById = null, now = new Date() }: { issuedById?: string | null; now?: Date } = {}): Promise<IssuedInvitation> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await db.teacherInvitation.create({ data: { tokenHash: hashToken(token), issuedById, createdAt: now, expiresAt } });
  return { token, expiresAt };
}

export const INVALID_INVITATION = "This invitation does not work: it was already used or has expired. Ask the teacher who sent it for a new one.";

/**
 * Uses up the invitation for the new account `userId`, inside the transaction creating it:
 * 400 (and the caller's transaction rolls back) when it is unknown, used or expired. The row
 * lock of the UPDATE makes a second registration with the same link wait, then find it used.
 */
export async function useInvitation(tx: Prisma.TransactionClient, token: string, userId: string, now: Date): Promise<void> {
  const used = await tx.$executeRaw`
    UPDATE "TeacherInvitation" SET "usedAt" = ${now}, "usedById" = ${userId}::uuid
    WHERE "tokenHash" = ${hashToken(token)} AND "usedAt" IS NULL AND "expiresAt" > ${now}`;
  if (used === 0) throw new DomainError("bad_request", INVALID_INVITATION);
}

// Account creation: the rules behind POST /api/register and the registration form.
import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { timeZoneSchema } from "@/lib/learner/settings";
import { hashPassword } from "./password";
import { invitationTokenSchema, useInvitation, type TeacherSignup } from "./teacher-invitations";

// The account rules, defined once: registration, account settings and password resets use them.
export const emailSchema = z
  .string({ error: "Enter a valid email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254, { message: "Email must be at most 254 characters" }));
export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(10, { message: "Password must be at least 10 characters" })
  .max(200, { message: "Password must be at most 200 characters" });
export const nameSchema = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, { message: "Enter your name" })
  .max(100, { message: "Name must be at most 100 characters" });

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
  role: z.enum(["STUDENT", "TEACHER"]).default("STUDENT"),
  /** The browser's zone, sent by the registration form; absent: UTC (the column's default). */
  timezone: timeZoneSchema.optional(),
  /** A teacher invitation's token (the `#invite=` of its link): what lets an account be a teacher. */
  invitation: invitationTokenSchema.optional(),
});
export type RegisterInput = z.input<typeof registerSchema>;

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["STUDENT", "TEACHER"]),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const TEACHER_NEEDS_INVITATION =
  "Teacher accounts need an invitation: ask a teacher of your school for an invitation link, or register as a student.";

/**
 * Creates an account. A teacher account needs a valid invitation (used up in the same
 * transaction) unless the operator opened teacher sign-up; an invitation makes only teachers.
 * On any refusal nothing is written.
 */
export async function registerUser(db: PrismaClient, input: unknown, { teacherSignup = "invitation", now = new Date() }: { teacherSignup?: TeacherSignup; now?: Date } = {}): Promise<PublicUser> {
  const data = registerSchema.parse(input);
  if (data.invitation && data.role !== "TEACHER") {
    throw new DomainError("validation_failed", "An invitation is for a teacher account: choose Teacher, or register as a student without it.", { fields: { role: "An invitation is for a teacher account" } });
  }
  if (data.role === "TEACHER" && !data.invitation && teacherSignup !== "open") throw new DomainError("forbidden", TEACHER_NEEDS_INVITATION);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash, ...(data.timezone ? { timezone: data.timezone } : {}) },
        select: { id: true, email: true, name: true, role: true },
      });
      if (data.invitation) await useInvitation(tx, data.invitation, user.id, now);
      return user;
    });
  } catch (err) {
    if (typeof err === "object" && err && "code" in err && err.code === "P2002") {
      throw new DomainError("conflict", "An account with this email already exists. Sign in instead.");
    }
    throw err;
  }
}

// Demo accounts for local mode, so the app is not empty on first open: a teacher with a
// class, a student in it, and a review assignment on the first curated deck.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export const DEMO_TEACHER = "teacher@demo.local";
export const DEMO_STUDENT = "student@demo.local";
const DEMO_CLASS_CODE = "DEMO-HIST";

export type DemoAccount = { email: string; role: "TEACHER" | "STUDENT"; password: string };

async function demoUser(db: PrismaClient, email: string, name: string, role: "TEACHER" | "STUDENT", password: string) {
  const existing = await db.user.findUnique({ where: { email } });
  if (existing && (await verifyPassword(existing.passwordHash, password))) return existing;
  const passwordHash = await hashPassword(password);
  return db.user.upsert({ where: { email }, create: { email, name, role, passwordHash }, update: { passwordHash, role } });
}

export async function seedDemo(db: PrismaClient, password: string): Promise<DemoAccount[]> {
  const teacher = await demoUser(db, DEMO_TEACHER, "Demo Teacher", "TEACHER", password);
  const student = await demoUser(db, DEMO_STUDENT, "Demo Student", "STUDENT", password);
  const cls =
    (await db.class.findUnique({ where: { joinCode: DEMO_CLASS_CODE } })) ??
    (await db.class.create({ data: { name: "Demo class: interwar Europe", teacherId: teacher.id, joinCode: DEMO_CLASS_CODE } }));
  await db.enrollment.upsert({
    where: { classId_userId: { classId: cls.id, userId: student.id } },
    create: { classId: cls.id, userId: student.id },
    update: {},
  });
  const deck = await db.deck.findFirst({ where: { ownerId: null, status: "PUBLISHED" }, orderBy: { slug: "asc" } });
  if (deck && !(await db.assignment.findFirst({ where: { classId: cls.id, deckId: deck.id } }))) {
    await db.assignment.create({
      data: { classId: cls.id, deckId: deck.id, kind: "REVIEW", targetRecall: 0.85, dueAt: new Date(Date.now() + 14 * 86_400_000) },
    });
  }
  return [
    { email: DEMO_TEACHER, role: "TEACHER", password },
    { email: DEMO_STUDENT, role: "STUDENT", password },
  ];
}

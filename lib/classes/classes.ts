// Classes: a teacher's own, a student's enrolments. Every query is scoped to the caller;
// another teacher's class answers 404, as if it did not exist.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/authenticate";
import { codeExpiry, newJoinCode, normaliseCode } from "./codes";

const isUniqueViolation = (err: unknown) => typeof err === "object" && err !== null && "code" in err && err.code === "P2002";

/** A fresh code; retried on the (rare) collision with an existing one. */
async function withNewCode<T>(make: (code: string) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await make(newJoinCode());
    } catch (err) {
      if (!isUniqueViolation(err) || i >= 5) throw err;
    }
  }
}

export async function ownClass(db: PrismaClient, teacherId: string, classId: string) {
  const cls = await db.class.findFirst({ where: { id: classId, teacherId } });
  if (!cls) throw new DomainError("not_found", "No such class.");
  return cls;
}

/** A class's own columns and its roster (by name), as teachers see them. */
const classColumns = { id: true, name: true, joinCode: true, codeExpiresAt: true, archivedAt: true } as const;
const roster = (where: { userId?: string } = {}) =>
  ({ where, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } }) as const;

/** The teacher's own class with its roster and assignments (the class page); null for any other id. */
export function classForTeacher(db: PrismaClient, teacherId: string, classId: string) {
  return db.class.findFirst({
    where: { id: classId, teacherId },
    select: {
      ...classColumns,
      enrollments: roster(),
      assignments: {
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        select: { id: true, kind: true, dueAt: true, targetRecall: true, count: true, timeLimitSec: true, attempts: true, opensAt: true, closesAt: true, deck: { select: { title: true } } },
      },
    },
  });
}

export async function createClass(db: PrismaClient, teacherId: string, name: string, now = new Date()) {
  return withNewCode((joinCode) => db.class.create({ data: { teacherId, name, joinCode, codeExpiresAt: codeExpiry(now) } }));
}

export async function listClasses(db: PrismaClient, user: Pick<SessionUser, "id" | "role">) {
  const where = user.role === "TEACHER" ? { teacherId: user.id } : { enrollments: { some: { userId: user.id } }, archivedAt: null };
  const rows = await db.class.findMany({
    where,
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      ...classColumns,
      teacher: { select: { name: true } },
      // The roster is read for teachers only (a student's query never selects classmates).
      enrollments: roster(user.role === "TEACHER" ? {} : { userId: user.id }),
      _count: { select: { enrollments: true, assignments: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    teacherName: c.teacher.name,
    archived: c.archivedAt !== null,
    studentCount: c._count.enrollments,
    assignmentCount: c._count.assignments,
    // Only the class's teacher sees the code and the roster.
    ...(user.role === "TEACHER"
      ? { joinCode: c.joinCode, codeExpiresAt: c.codeExpiresAt?.toISOString() ?? null, students: c.enrollments.map((e) => e.user) }
      : {}),
  }));
}

export async function updateClass(db: PrismaClient, teacherId: string, classId: string, patch: { name?: string; archived?: boolean }, now = new Date()) {
  await ownClass(db, teacherId, classId);
  return db.class.update({
    where: { id: classId },
    data: { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.archived !== undefined ? { archivedAt: patch.archived ? now : null } : {}) },
  });
}

export async function regenerateCode(db: PrismaClient, teacherId: string, classId: string, now = new Date()) {
  await ownClass(db, teacherId, classId);
  return withNewCode((joinCode) => db.class.update({ where: { id: classId }, data: { joinCode, codeExpiresAt: codeExpiry(now) }, select: { id: true, joinCode: true, codeExpiresAt: true } }));
}

export async function joinClass(db: PrismaClient, user: Pick<SessionUser, "id" | "role">, input: string, now = new Date()) {
  const code = normaliseCode(input);
  const cls = await db.class.findUnique({ where: { joinCode: code } });
  if (!cls || cls.archivedAt) throw new DomainError("not_found", "No class has this code. Check it with your teacher.");
  if (cls.codeExpiresAt && cls.codeExpiresAt < now) throw new DomainError("conflict", "This class code has expired. Ask your teacher for a new one.");
  if (cls.teacherId === user.id) throw new DomainError("conflict", "You teach this class, so you cannot join it as a student.");
  if (user.role === "TEACHER") throw new DomainError("forbidden", "Teacher accounts cannot join classes as students.");
  try {
    await db.enrollment.create({ data: { classId: cls.id, userId: user.id, joinedAt: now } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError("conflict", "You are already in this class.");
    throw err;
  }
  return { id: cls.id, name: cls.name };
}

export async function leaveClass(db: PrismaClient, userId: string, classId: string) {
  const { count } = await db.enrollment.deleteMany({ where: { classId, userId } });
  if (count === 0) throw new DomainError("not_found", "You are not in this class.");
}

export async function removeStudent(db: PrismaClient, teacherId: string, classId: string, studentId: string) {
  await ownClass(db, teacherId, classId);
  const { count } = await db.enrollment.deleteMany({ where: { classId, userId: studentId } });
  if (count === 0) throw new DomainError("not_found", "No such student in this class.");
}

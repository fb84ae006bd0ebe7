// Loading a teacher's own class or assignment for a page: anything else is a 404, exactly
// as the API answers (lib/classes/*), never the data.
import { notFound } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db/client";

export async function uuidOr404(params: Promise<{ id: string }>): Promise<string> {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  return id.data;
}

export async function teacherClass(teacherId: string, id: string) {
  const cls = await prisma().class.findFirst({
    where: { id, teacherId },
    select: {
      id: true,
      name: true,
      joinCode: true,
      codeExpiresAt: true,
      archivedAt: true,
      enrollments: { select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      assignments: {
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        select: { id: true, kind: true, dueAt: true, targetRecall: true, count: true, timeLimitSec: true, attempts: true, opensAt: true, closesAt: true, deck: { select: { title: true } } },
      },
    },
  });
  if (!cls) notFound();
  return cls;
}

export type TeacherAssignment = Awaited<ReturnType<typeof teacherClass>>["assignments"][number];

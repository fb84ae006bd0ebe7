// Loading a teacher's own class or assignment for a page: anything else is a 404, exactly
// as the API answers (lib/classes/*), never the data.
import { notFound } from "next/navigation";
import { z } from "zod";
import { classForTeacher } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";

export async function uuidOr404(params: Promise<{ id: string }>): Promise<string> {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  return id.data;
}

export async function teacherClass(teacherId: string, id: string) {
  const cls = await classForTeacher(prisma(), teacherId, id);
  if (!cls) notFound();
  return cls;
}

export type TeacherAssignment = Awaited<ReturnType<typeof teacherClass>>["assignments"][number];

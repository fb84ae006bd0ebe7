import { createAssignmentSchema } from "@/lib/api/classes";
import { requireTeacher, requireUser } from "@/lib/auth/session";
import { createAssignment, listAssignments } from "@/lib/classes/assignments";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";

export const POST = handle(async (req) => {
  const teacher = await requireTeacher();
  const input = await readJson(req, createAssignmentSchema);
  return json({ assignment: await createAssignment(prisma(), teacher.id, input) }, 201);
});

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ assignments: await listAssignments(prisma(), user) });
});

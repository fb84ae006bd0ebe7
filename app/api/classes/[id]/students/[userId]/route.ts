import { requireTeacher } from "@/lib/auth/session";
import { removeStudent } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const DELETE = handle<{ id: string; userId: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  await removeStudent(prisma(), teacher.id, await uuidParam(params, "id", "class"), await uuidParam(params, "userId", "student in this class"));
  return json({ removed: true });
});

import { updateAssignmentSchema } from "@/lib/api/classes";
import { requireTeacher } from "@/lib/auth/session";
import { deleteAssignment, updateAssignment } from "@/lib/classes/assignments";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const PATCH = handle<{ id: string }>(async (req, { params }) => {
  const teacher = await requireTeacher();
  const id = await uuidParam(params, "id", "assignment");
  const patch = await readJson(req, updateAssignmentSchema);
  return json({ assignment: await updateAssignment(prisma(), teacher.id, id, patch) });
});

export const DELETE = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  await deleteAssignment(prisma(), teacher.id, await uuidParam(params, "id", "assignment"));
  return json({ deleted: true });
});

import { updateClassSchema } from "@/lib/api/classes";
import { requireTeacher } from "@/lib/auth/session";
import { updateClass } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const PATCH = handle<{ id: string }>(async (req, { params }) => {
  const teacher = await requireTeacher();
  const id = await uuidParam(params, "id", "class");
  const patch = await readJson(req, updateClassSchema);
  const cls = await updateClass(prisma(), teacher.id, id, patch);
  return json({ class: { id: cls.id, name: cls.name, archived: cls.archivedAt !== null } });
});

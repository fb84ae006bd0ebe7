import { accommodationSchema } from "@/lib/api/classes";
import { requireTeacher } from "@/lib/auth/session";
import { setAccommodation } from "@/lib/classes/assignments";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const PUT = handle<{ id: string; userId: string }>(async (req, { params }) => {
  const teacher = await requireTeacher();
  const id = await uuidParam(params, "id", "assignment");
  const studentId = await uuidParam(params, "userId", "student in this class");
  const data = await readJson(req, accommodationSchema);
  const acc = await setAccommodation(prisma(), teacher.id, id, studentId, data);
  return json({ accommodation: { timeFactor: acc.timeFactor, extendedDueAt: acc.extendedDueAt?.toISOString() ?? null } });
});

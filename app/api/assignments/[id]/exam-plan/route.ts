import { requireTeacher } from "@/lib/auth/session";
import { assignmentExamPlans } from "@/lib/classes/progress";
import { readPrisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  return json(await assignmentExamPlans(readPrisma(), teacher.id, await uuidParam(params, "id", "assignment")));
});

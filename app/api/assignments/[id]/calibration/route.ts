import { requireTeacher } from "@/lib/auth/session";
import { readPrisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";
import { assignmentCalibration } from "@/lib/stats/class-calibration";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  return json(await assignmentCalibration(readPrisma(), teacher.id, await uuidParam(params, "id", "assignment")));
});

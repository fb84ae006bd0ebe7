import { requireTeacher } from "@/lib/auth/session";
import { assignmentProgress, progressCsv } from "@/lib/classes/progress";
import { readPrisma } from "@/lib/db/client";
import { handle } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  const progress = await assignmentProgress(readPrisma(), teacher.id, await uuidParam(params, "id", "assignment"));
  const name = `${progress.assignment.class.name}-${progress.assignment.deck.title}`.replace(/[^\w.-]+/g, "-").slice(0, 80);
  return new Response(progressCsv(progress.students), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="progress-${name}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

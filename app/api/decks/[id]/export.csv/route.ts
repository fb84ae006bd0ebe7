import { requireTeacher } from "@/lib/auth/session";
import { exportCsv } from "@/lib/authoring/exports";
import { prisma } from "@/lib/db/client";
import { handle } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  const { fileName, csv } = await exportCsv(prisma(), teacher.id, await uuidParam(params, "id", "deck"));
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
});

import { requireTeacher } from "@/lib/auth/session";
import { exportApkg } from "@/lib/authoring/exports";
import { prisma } from "@/lib/db/client";
import { handle } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  const { fileName, bytes } = await exportApkg(prisma(), teacher.id, await uuidParam(params, "id", "deck"));
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": "application/octet-stream", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
});

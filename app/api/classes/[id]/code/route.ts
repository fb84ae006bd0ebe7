import { requireTeacher } from "@/lib/auth/session";
import { regenerateCode } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const POST = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  const cls = await regenerateCode(prisma(), teacher.id, await uuidParam(params, "id", "class"));
  return json({ class: { id: cls.id, joinCode: cls.joinCode, codeExpiresAt: cls.codeExpiresAt?.toISOString() ?? null } });
});

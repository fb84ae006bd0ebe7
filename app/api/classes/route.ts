import { createClassSchema } from "@/lib/api/classes";
import { requireTeacher, requireUser } from "@/lib/auth/session";
import { createClass, listClasses } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";

export const POST = handle(async (req) => {
  const teacher = await requireTeacher();
  const { name } = await readJson(req, createClassSchema);
  const cls = await createClass(prisma(), teacher.id, name);
  return json({ class: { id: cls.id, name: cls.name, joinCode: cls.joinCode, codeExpiresAt: cls.codeExpiresAt?.toISOString() ?? null } }, 201);
});

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ classes: await listClasses(prisma(), user) });
});

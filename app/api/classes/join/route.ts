import { joinClassSchema } from "@/lib/api/classes";
import { requireUser } from "@/lib/auth/session";
import { joinClass } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "../../_http/handler";

export const POST = handle(async (req) => {
  const user = await requireUser();
  const { code } = await readJson(req, joinClassSchema);
  return json({ class: await joinClass(prisma(), user, code) }, 201);
});

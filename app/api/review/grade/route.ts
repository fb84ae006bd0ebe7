import { gradeRequestSchema } from "@/lib/api/review";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { gradeCard } from "@/lib/review/grade";
import { handle, json, readJson } from "../../_http/handler";

export const POST = handle(async (req) => {
  const user = await requireUser();
  const body = await readJson(req, gradeRequestSchema, 4 * 1024);
  return json(await gradeCard(prisma(), user.id, body));
});

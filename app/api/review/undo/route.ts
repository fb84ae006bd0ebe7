import { undoRequestSchema } from "@/lib/api/review";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { undoLastGrade } from "@/lib/review/undo";
import { handle, json, readJson } from "@/lib/http/handler";

export const POST = handle(async (req) => {
  const user = await requireUser();
  const body = await readJson(req, undoRequestSchema, 4 * 1024);
  return json(await undoLastGrade(prisma(), user.id, body.cardId));
});

import { flagRequestSchema } from "@/lib/api/cards";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { flagCard } from "@/lib/flags/flags";
import { handle, json, readJson } from "@/lib/http/handler";
import { cardIdParam } from "@/lib/http/ids";

export const POST = handle<{ id: string }>(async (req, { params }) => {
  const user = await requireUser();
  const cardId = await cardIdParam(params);
  const body = await readJson(req, flagRequestSchema, 8 * 1024);
  const { flag, created } = await flagCard(prisma(), user.id, cardId, body);
  return json({ flag }, created ? 201 : 200);
});

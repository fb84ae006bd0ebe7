import { cardControlsRequestSchema } from "@/lib/api/cards";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { setCardControls } from "@/lib/review/controls";
import { handle, json, readJson } from "@/lib/http/handler";
import { cardIdParam } from "@/lib/http/ids";

export const PATCH = handle<{ id: string }>(async (req, { params }) => {
  const user = await requireUser();
  const cardId = await cardIdParam(params);
  const body = await readJson(req, cardControlsRequestSchema, 4 * 1024);
  return json({ controls: await setCardControls(prisma(), user.id, cardId, body) });
});

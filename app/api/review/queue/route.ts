import { queueQuerySchema } from "@/lib/api/review";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { loadQueue } from "@/lib/review/load-queue";
import { handle, json } from "@/lib/http/handler";

export const GET = handle(async (req) => {
  const user = await requireUser();
  const url = new URL(req.url);
  const q = queueQuerySchema.parse({ deck: url.searchParams.get("deck") || undefined, limit: url.searchParams.get("limit") || undefined });
  return json(await loadQueue(prisma(), user.id, { deckId: q.deck, limit: q.limit }));
});

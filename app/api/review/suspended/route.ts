import { suspendedQuerySchema } from "@/lib/api/cards";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { suspendedCards } from "@/lib/review/controls-store";
import { handle, json } from "@/lib/http/handler";

export const GET = handle(async (req) => {
  const user = await requireUser();
  const q = suspendedQuerySchema.parse({ deck: new URL(req.url).searchParams.get("deck") || undefined });
  return json(await suspendedCards(prisma(), user.id, q.deck));
});

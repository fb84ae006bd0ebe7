import { statsQuerySchema } from "@/lib/api/stats";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { learnerStats } from "@/lib/stats/store";

export const GET = handle(async (req) => {
  const user = await requireUser();
  const q = statsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await learnerStats(prisma(), user.id, { deckId: q.deck }));
});

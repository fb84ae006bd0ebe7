import { queueQuerySchema } from "@/lib/api/review";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { deckHidden, decksHiddenByQuiz } from "@/lib/quiz/running";
import { loadQueue } from "@/lib/review/load-queue";
import { handle, json } from "@/lib/http/handler";

export const GET = handle(async (req) => {
  const user = await requireUser();
  const url = new URL(req.url);
  const q = queueQuerySchema.parse({ deck: url.searchParams.get("deck") || undefined, limit: url.searchParams.get("limit") || undefined });
  // A running assigned quiz hides its deck's answers: 409 for that deck, left out of the whole queue.
  const hidden = await decksHiddenByQuiz(prisma(), user.id);
  const hiddenUntil = q.deck && hidden.get(q.deck);
  if (hiddenUntil) throw deckHidden(hiddenUntil);
  return json(await loadQueue(prisma(), user.id, { deckId: q.deck, limit: q.limit, excludeDeckIds: new Set(hidden.keys()) }));
});

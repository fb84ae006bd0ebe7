import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { assertDeckAnswersReadable } from "@/lib/quiz/running";
import { cardHistory } from "@/lib/review/history";
import { handle, json } from "@/lib/http/handler";
import { cardIdParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  const history = await cardHistory(prisma(), user.id, await cardIdParam(params));
  // After the visibility check (404 first): the card shows its answer, hidden while its deck's assigned quiz runs.
  await assertDeckAnswersReadable(prisma(), user.id, history.card.deckId);
  return json(history);
});

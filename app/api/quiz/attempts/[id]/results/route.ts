import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { results } from "@/lib/quiz/attempts";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  return json({ results: await results(prisma(), user.id, await uuidParam(params, "id", "quiz attempt")) });
});

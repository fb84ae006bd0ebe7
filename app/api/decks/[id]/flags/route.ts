import { requireTeacher } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { deckFlags } from "@/lib/flags/flags";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  return json(await deckFlags(prisma(), teacher.id, await uuidParam(params, "id", "deck")));
});

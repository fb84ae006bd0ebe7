import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listDecks } from "@/lib/decks/queries";
import { handle, json } from "../_http/handler";

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ decks: await listDecks(prisma(), user) });
});

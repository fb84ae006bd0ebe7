import { createDeckSchema } from "@/lib/api/authoring";
import { requireTeacher, requireUser } from "@/lib/auth/session";
import { createDraftDeck } from "@/lib/authoring/decks";
import { prisma } from "@/lib/db/client";
import { listDecks } from "@/lib/decks/store";
import { handle, json, readJson } from "@/lib/http/handler";
import { MAX_UPLOAD_BODY } from "./_http/upload";

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ decks: await listDecks(prisma(), user) });
});

export const POST = handle(async (req) => {
  const teacher = await requireTeacher();
  const input = await readJson(req, createDeckSchema, MAX_UPLOAD_BODY);
  return json({ deck: await createDraftDeck(prisma(), teacher, input) }, 201);
});

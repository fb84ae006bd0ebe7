import { z } from "zod";
import { editCardSchema } from "@/lib/api/authoring";
import { DomainError } from "@/lib/api/errors";
import { requireTeacher } from "@/lib/auth/session";
import { editCard, retireCard } from "@/lib/authoring/cards";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

type Params = { id: string; cardId: string };

/** Card ids are the extractor's hex ids or uuids; anything else is no such card. */
async function cardParam(params: Promise<Params>): Promise<string> {
  const id = z.string().regex(/^[\w-]{1,64}$/).safeParse((await params).cardId);
  if (!id.success) throw new DomainError("not_found", "No such card in this deck.");
  return id.data;
}

export const PATCH = handle<Params>(async (req, { params }) => {
  const teacher = await requireTeacher();
  const deckId = await uuidParam(params, "id", "deck");
  const cardId = await cardParam(params);
  const edit = await readJson(req, editCardSchema);
  return json({ card: await editCard(prisma(), teacher.id, deckId, cardId, edit) });
});

export const DELETE = handle<Params>(async (_req, { params }) => {
  const teacher = await requireTeacher();
  const deckId = await uuidParam(params, "id", "deck");
  const cardId = await cardParam(params);
  const retired = await retireCard(prisma(), teacher.id, deckId, cardId);
  return json({ card: { id: retired.id, retiredAt: retired.retiredAt?.toISOString() ?? null } });
});

import { addCardsSchema } from "@/lib/api/authoring";
import { requireTeacher } from "@/lib/auth/session";
import { addCards } from "@/lib/authoring/cards";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";
import { MAX_UPLOAD_BODY } from "../../_http/upload";

export const POST = handle<{ id: string }>(async (req, { params }) => {
  const teacher = await requireTeacher();
  const id = await uuidParam(params, "id", "deck");
  const { cards } = await readJson(req, addCardsSchema, MAX_UPLOAD_BODY);
  return json({ cards: await addCards(prisma(), teacher.id, id, cards) }, 201);
});

import { z } from "zod";
import { updateDeckSchema } from "@/lib/api/authoring";
import { DomainError } from "@/lib/api/errors";
import { requireTeacher, requireUser } from "@/lib/auth/session";
import { updateDeck } from "@/lib/authoring/decks";
import { prisma } from "@/lib/db/client";
import { getDeck } from "@/lib/decks/store";
import { assertDeckAnswersReadable } from "@/lib/quiz/running";
import { handle, json, readJson } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  const id = z.uuid().safeParse((await params).id);
  const deck = id.success ? await getDeck(prisma(), user, id.data) : null;
  if (!deck) throw new DomainError("not_found", "No such deck.");
  await assertDeckAnswersReadable(prisma(), user.id, deck.id);
  const { source, ...rest } = deck;
  return json({ deck: { ...rest, source: source && { slug: source.slug, title: source.title, origin: source.origin, reliability: source.reliability, note: source.note } } });
});

export const PATCH = handle<{ id: string }>(async (req, { params }) => {
  const teacher = await requireTeacher();
  const id = await uuidParam(params, "id", "deck");
  const patch = await readJson(req, updateDeckSchema);
  return json({ deck: await updateDeck(prisma(), teacher.id, id, patch) });
});

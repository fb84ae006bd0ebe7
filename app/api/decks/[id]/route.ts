import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getDeck } from "@/lib/decks/queries";
import { handle, json } from "../../_http/handler";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  const id = z.uuid().safeParse((await params).id);
  const deck = id.success ? await getDeck(prisma(), user, id.data) : null;
  if (!deck) throw new ApiError("not_found", "No such deck.");
  const { source, ...rest } = deck;
  return json({ deck: { ...rest, source: source && { slug: source.slug, title: source.title, origin: source.origin, reliability: source.reliability, note: source.note } } });
});

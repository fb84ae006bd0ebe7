import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { cardHistory } from "@/lib/review/history";
import { handle, json } from "@/lib/http/handler";

export const GET = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  const id = z.string().min(1).max(64).safeParse((await params).id);
  if (!id.success) throw new DomainError("not_found", "No such card.");
  return json(await cardHistory(prisma(), user.id, id.data));
});

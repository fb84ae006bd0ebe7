import { requireUser } from "@/lib/auth/session";
import { leaveClass } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const POST = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  await leaveClass(prisma(), user.id, await uuidParam(params, "id", "class"));
  return json({ left: true });
});

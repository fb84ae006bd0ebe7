import { setActiveSchema } from "@/lib/api/optimizer";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { optimizerStatus, setActive } from "@/lib/optimizer/store";

export const PUT = handle(async (req) => {
  const user = await requireUser();
  const { parametersId } = await readJson(req, setActiveSchema, 1024);
  await setActive(prisma(), user.id, parametersId);
  return json(await optimizerStatus(prisma(), user.id));
});

import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { startOptimization } from "@/lib/optimizer/jobs";
import { optimizerStatus } from "@/lib/optimizer/store";

export const GET = handle(async () => {
  const user = await requireUser();
  return json(await optimizerStatus(prisma(), user.id));
});

/** Starts a run in the background (202); the client polls GET for its progress and outcome. */
export const POST = handle(async () => {
  const user = await requireUser();
  await startOptimization(prisma(), user.id);
  return json(await optimizerStatus(prisma(), user.id), 202);
});

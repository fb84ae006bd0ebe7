import { requireUser } from "@/lib/auth/session";
import { startExamMode, stopExamMode } from "@/lib/classes/exam-mode";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

/** The learner opts in to exam date mode for the assignment's deck (no body). */
export const PUT = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  return json({ examMode: await startExamMode(prisma(), user.id, await uuidParam(params, "id", "assignment")) });
});

export const DELETE = handle<{ id: string }>(async (_req, { params }) => {
  const user = await requireUser();
  await stopExamMode(prisma(), user.id, await uuidParam(params, "id", "assignment"));
  return json({ examMode: null });
});

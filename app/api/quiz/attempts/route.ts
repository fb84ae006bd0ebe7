import { createAttemptSchema } from "@/lib/api/quiz";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { createAttempt, listAttempts } from "@/lib/quiz/attempts";
import { handle, json, readJson } from "@/lib/http/handler";

export const POST = handle(async (req) => {
  const user = await requireUser();
  const body = await readJson(req, createAttemptSchema, 4 * 1024);
  return json({ attempt: await createAttempt(prisma(), user.id, body) }, 201);
});

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ attempts: await listAttempts(prisma(), user.id) });
});

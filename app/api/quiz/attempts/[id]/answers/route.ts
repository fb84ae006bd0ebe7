import { answerRequestSchema } from "@/lib/api/quiz";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { answerQuestion } from "@/lib/quiz/attempts";
import { handle, json, readJson } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const POST = handle<{ id: string }>(async (req, { params }) => {
  const user = await requireUser();
  const id = await uuidParam(params, "id", "quiz attempt");
  const body = await readJson(req, answerRequestSchema, 4 * 1024);
  return json(await answerQuestion(prisma(), user.id, id, body.questionId, body.answer));
});

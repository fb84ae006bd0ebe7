import { registerSchema, registerUser } from "@/lib/auth/register";
import { teacherSignup } from "@/lib/auth/teacher-invitations";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { z } from "zod";

// The documented fields only: unknown ones (`__proto__` included) answer 422, as on every route.
const registerBodySchema = z.strictObject(registerSchema.shape);

export const POST = handle(async (req) => {
  const body = await readJson(req, registerBodySchema);
  const user = await registerUser(prisma(), body, { teacherSignup: teacherSignup() });
  return json({ user }, 201);
});

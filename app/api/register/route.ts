import { registerUser } from "@/lib/auth/register";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "../_http/handler";
import { z } from "zod";

export const POST = handle(async (req) => {
  const body = await readJson(req, z.unknown());
  const user = await registerUser(prisma(), body);
  return json({ user }, 201);
});

// Public: "email me a reset link". The same answer whether or not the address has an account,
// so it reveals none; bounded per account (lib/account/reset-request.ts).
import { requestResetByEmail } from "@/lib/account/reset-request";
import { prisma } from "@/lib/db/client";
import { configuredOrigin } from "@/lib/config/app-origin";
import { handle, json, readJson } from "@/lib/http/handler";
import { z } from "zod";

export const POST = handle(async (req) => {
  const body = await readJson(req, z.unknown(), 4 * 1024);
  // Not waiting for the mail: how long it takes must not tell whether the account exists.
  await requestResetByEmail(prisma(), body, configuredOrigin() ?? new URL(req.url).origin);
  return json({ requested: true, message: "If an account uses this email, a reset link is on its way. It works for one hour." }, 202);
});

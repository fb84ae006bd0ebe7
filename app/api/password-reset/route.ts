// Public: whoever holds a reset link may use it (it is the credential). 256 random bits,
// stored hashed, single use, expiring: lib/account/password-reset.ts.
import { redeemResetLink } from "@/lib/account/password-reset";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { z } from "zod";

export const POST = handle(async (req) => {
  await redeemResetLink(prisma(), await readJson(req, z.unknown(), 4 * 1024));
  return json({ reset: true });
});

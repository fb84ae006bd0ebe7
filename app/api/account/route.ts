import { getAccount, updateAccount } from "@/lib/account/profile";
import { renewSession } from "@/lib/auth/renew-session";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { z } from "zod";

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ account: await getAccount(prisma(), user.id) });
});

export const PATCH = handle(async (req) => {
  const user = await requireUser();
  const account = await updateAccount(prisma(), user.id, await readJson(req, z.unknown(), 4 * 1024));
  // The header shows the name from the session token: renew it with the new name and email.
  await renewSession({ name: account.name, email: account.email });
  return json({ account });
});

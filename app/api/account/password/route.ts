import { changePassword } from "@/lib/account/profile";
import { renewSession } from "@/lib/auth/renew-session";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { handle, json, readJson } from "@/lib/http/handler";
import { z } from "zod";

export const PUT = handle(async (req) => {
  const user = await requireUser();
  const { sessionVersion } = await changePassword(prisma(), user.id, await readJson(req, z.unknown(), 4 * 1024));
  // Every session ended with the change; this device stays signed in under the new version.
  await renewSession({ sv: sessionVersion });
  return json({ changed: true, otherSessionsEnded: true });
});

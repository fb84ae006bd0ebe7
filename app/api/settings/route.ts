import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getSettings, settingsPatchSchema, updateSettings } from "@/lib/learner/settings-store";
import { handle, json, readJson } from "@/lib/http/handler";

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ settings: await getSettings(prisma(), user.id) });
});

export const PUT = handle(async (req) => {
  const user = await requireUser();
  const body = await readJson(req, settingsPatchSchema, 8 * 1024);
  return json({ settings: await updateSettings(prisma(), user.id, body) });
});

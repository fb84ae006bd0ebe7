// Reading and changing a learner's review settings. The time zone and rollover hour
// live in their own User columns (queries need them); the rest in User.settings.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { accountGone } from "@/lib/auth/revocation";
import { reviewSettingsSchema, settingsOfUser, type ReviewSettings } from "@/lib/learner/settings";

const select = { settings: true, timezone: true, rolloverHour: true } as const;

export async function getSettings(db: PrismaClient, userId: string): Promise<ReviewSettings> {
  const user = await db.user.findUnique({ where: { id: userId }, select });
  if (!user) throw accountGone();
  return settingsOfUser(user);
}

/**
 * The body of `PUT /api/settings`: any subset of the settings' fields, values checked after
 * merging. Only the keys the client sent replace stored values (a partial schema would fill in
 * defaults for the others). A strict object, because unknown keys must be refused: a record
 * with enum keys let `__proto__` (an own key after JSON.parse) through as "nothing sent".
 */
export const settingsPatchSchema = z.strictObject(
  Object.fromEntries(Object.keys(reviewSettingsSchema.shape).map((k) => [k, z.unknown().optional()])) as Record<keyof ReviewSettings, z.ZodOptional<z.ZodUnknown>>,
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "Send the settings as a JSON object of known fields") },
);

/** `patch`: any subset of the settings; validated whole after merging, so nothing partial is saved. */
export async function updateSettings(db: PrismaClient, userId: string, patch: unknown): Promise<ReviewSettings> {
  const given = settingsPatchSchema.parse(patch);
  const current = await getSettings(db, userId);
  const next = reviewSettingsSchema.parse({ ...current, ...given });
  const { timezone, rolloverHour, ...rest } = next;
  await db.user.update({ where: { id: userId }, data: { timezone, rolloverHour, settings: rest } });
  return next;
}

/** The user's time zone, for showing dates ("UTC" for a user who is gone). */
export async function userTimeZone(db: PrismaClient, userId: string): Promise<string> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
  return u?.timezone ?? "UTC";
}

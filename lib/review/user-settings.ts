// Reading and changing a learner's review settings. The time zone and rollover hour
// live in their own User columns (queries need them); the rest in User.settings.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { reviewSettingsSchema, settingsOfUser, type ReviewSettings } from "./settings";

const select = { settings: true, timezone: true, rolloverHour: true } as const;

export async function getSettings(db: PrismaClient, userId: string): Promise<ReviewSettings> {
  const user = await db.user.findUnique({ where: { id: userId }, select });
  if (!user) throw new ApiError("unauthenticated", "Your account no longer exists. Sign in again.");
  return settingsOfUser(user);
}

/** `patch`: any subset of the settings; validated whole after merging, so nothing partial is saved. */
export async function updateSettings(db: PrismaClient, userId: string, patch: unknown): Promise<ReviewSettings> {
  // Only the keys the client sent replace stored values (a partial schema would fill in
  // defaults for the others); unknown keys are refused rather than silently dropped.
  const given = z.partialRecord(z.enum(Object.keys(reviewSettingsSchema.shape) as [keyof ReviewSettings]), z.unknown(), {
    error: "Send the settings as a JSON object of known fields",
  }).parse(patch);
  const current = await getSettings(db, userId);
  const next = reviewSettingsSchema.parse({ ...current, ...given });
  const { timezone, rolloverHour, ...rest } = next;
  await db.user.update({ where: { id: userId }, data: { timezone, rolloverHour, settings: rest } });
  return next;
}

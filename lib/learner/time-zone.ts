import { prisma } from "@/lib/db/client";

/** The user's time zone from their review settings, for showing dates. */
export async function userTimeZone(userId: string): Promise<string> {
  const u = await prisma().user.findUnique({ where: { id: userId }, select: { timezone: true } });
  return u?.timezone ?? "UTC";
}

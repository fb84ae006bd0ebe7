// The session version on the user's row (revocation.ts says why one number per user): read
// on every authenticated request, bumped to end every session.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { sqlRows } from "@/lib/db/client";

/** True while the user exists and `version` is still theirs. One primary-key read, no cache: never stale. */
export async function sessionIsCurrent(db: PrismaClient, userId: string, version: number): Promise<boolean> {
  const [row] = await sqlRows<{ sessionVersion: number }>(
    db,
    Prisma.sql`SELECT "sessionVersion" FROM "User" WHERE id = ${userId}::uuid`,
  );
  return row !== undefined && row.sessionVersion === version;
}

/** Ends every session of the user (sign-out; a password change must call it too). */
export async function endAllSessions(db: PrismaClient, userId: string): Promise<void> {
  await sqlRows(db, Prisma.sql`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = ${userId}::uuid`);
}

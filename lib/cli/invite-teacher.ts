// `npm run invite-teacher`: the operator's way to let a first (or further) teacher register.
// Prints a one-time invitation link (valid 7 days) for whoever it is handed to.
import { invitationUrl, issueInvitation } from "@/lib/auth/teacher-invitations";
import { configuredOrigin } from "@/lib/config/app-origin";
import { readEnv } from "@/lib/config/env";
import { createPrisma } from "@/lib/db/client";
import { localDatabaseUrl } from "@/lib/db/local-secrets";

const env = readEnv();
const db = createPrisma(env.DATABASE_URL ?? localDatabaseUrl(env), 1);
try {
  const invitation = await issueInvitation(db);
  console.log(`Teacher invitation (works once, until ${invitation.expiresAt.toISOString()}):`);
  console.log(invitationUrl(configuredOrigin() ?? `http://localhost:${env.PORT}`, invitation.token));
} finally {
  await db.$disconnect();
}

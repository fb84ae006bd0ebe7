// `npm run reset-password -- EMAIL`: the operator's way to let someone back in without mail.
// Prints a one-time link (valid 24 hours, withdrawing earlier ones); when SMTP is configured
// (SMTP_URL) it is also emailed to the account's address.
import { issueResetLink, RESET_TTL_MS, resetUrl } from "@/lib/account/password-reset";
import { mailConfig, sendResetLink } from "@/lib/account/reset-mail";
import { emailSchema } from "@/lib/auth/register";
import { configuredOrigin } from "@/lib/config/app-origin";
import { readEnv } from "@/lib/config/env";
import { createPrisma } from "@/lib/db/client";
import { localDatabaseUrl } from "@/lib/db/local-secrets";

const email = emailSchema.safeParse(process.argv[2] ?? "");
if (!email.success) {
  console.error("usage: npm run reset-password -- EMAIL   (uses DATABASE_URL, or the running local-mode database)");
  process.exit(2);
}
const env = readEnv();
const mail = mailConfig();
const db = createPrisma(env.DATABASE_URL ?? localDatabaseUrl(env), 1);
try {
  const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true, email: true, name: true } });
  if (!user) {
    console.error(`No account with email ${email.data}.`);
    process.exitCode = 1;
  } else {
    const link = await issueResetLink(db, user.id, { ttlMs: RESET_TTL_MS.handedOver });
    const url = resetUrl(configuredOrigin() ?? `http://localhost:${env.PORT}`, link.token);
    console.log(`Reset link for ${user.email} (works once, until ${link.expiresAt.toISOString()}):`);
    console.log(url);
    if (mail) {
      await sendResetLink(mail, user, url, link.expiresAt);
      console.log(`Also emailed to ${user.email}.`);
    }
  }
} finally {
  await db.$disconnect();
}

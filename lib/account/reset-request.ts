// "Forgot your password?" by email, only when the operator configured SMTP. The answer is
// the same whether or not an account uses the address (so it reveals none), and the mail
// goes out after the answer (so its time reveals none either). At most MAX_RECENT_LINKS
// links per account an hour: nobody's mailbox can be flooded through this form.
import { DomainError } from "@/lib/api/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueResetLink, MAX_RECENT_LINKS, recentLinkCount, RESET_TTL_MS, resetRequestSchema, resetUrl } from "./password-reset";
import { mailConfig, sendResetLink } from "./reset-mail";

export const MAIL_OFF_MESSAGE = "Reset by email is not set up on this server. Ask your teacher for a reset link, or whoever runs this server.";

/** Resolves once the link is stored; `sent` resolves when the mail went out (or failed: logged). */
export async function requestResetByEmail(db: PrismaClient, input: unknown, origin: string, now = new Date()): Promise<{ sent: Promise<boolean> }> {
  const mail = mailConfig();
  if (!mail) throw new DomainError("not_found", MAIL_OFF_MESSAGE);
  const { email } = resetRequestSchema.parse(input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user || (await recentLinkCount(db, user.id, now)) >= MAX_RECENT_LINKS) return { sent: Promise.resolve(false) };
  const link = await issueResetLink(db, user.id, { ttlMs: RESET_TTL_MS.emailed, now });
  const sent = sendResetLink(mail, user, resetUrl(origin, link.token), link.expiresAt).then(
    () => true,
    (err: unknown) => {
      console.error("[mail] reset link not sent:", err instanceof Error ? err.message : err);
      return false;
    },
  );
  return { sent };
}

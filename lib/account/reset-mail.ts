// Emailing a reset link, when the operator configured SMTP (SMTP_URL, MAIL_FROM: README).
// nodemailer speaks SMTP; without SMTP_URL nothing is sent and the link is only shown to
// whoever issued it (a teacher, the operator's CLI).
import nodemailer from "nodemailer";
import { z } from "zod";

const mailEnvSchema = z.object({
  // smtp:// or smtps:// with credentials in the URL, as nodemailer takes it.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/i, { message: "SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("History Cards <no-reply@localhost>"),
});

export type MailConfig = { smtpUrl: string; from: string };

/** The configured SMTP server, or null when mail is off. Throws on a malformed SMTP_URL. */
export function mailConfig(source: Record<string, string | undefined> = process.env): MailConfig | null {
  const parsed = mailEnvSchema.safeParse({ SMTP_URL: source.SMTP_URL || undefined, MAIL_FROM: source.MAIL_FROM || undefined });
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues[0]?.message}`);
  return parsed.data.SMTP_URL ? { smtpUrl: parsed.data.SMTP_URL, from: parsed.data.MAIL_FROM } : null;
}

export async function sendResetLink(config: MailConfig, to: { email: string; name: string }, url: string, expiresAt: Date): Promise<void> {
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    const hours = Math.round((expiresAt.getTime() - Date.now()) / 3_600_000);
    const until = hours >= 2 ? `${hours} hours` : "one hour";
    await transport.sendMail({
      from: config.from,
      to: { name: to.name, address: to.email },
      subject: "Reset your History Cards password",
      text: [
        `Hello ${to.name},`,
        "",
        "Someone (hopefully you) asked to reset the password of your History Cards account.",
        `Open this link within ${until} to choose a new password. It works once.`,
        "",
        url,
        "",
        "If you did not ask for this, ignore this message: your password stays as it is.",
      ].join("\n"),
    });
  } finally {
    transport.close();
  }
}

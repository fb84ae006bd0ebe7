// A teacher invites a colleague: a one-time link to register a teacher account (lib/auth/teacher-invitations.ts).
import { requireTeacher } from "@/lib/auth/session";
import { invitationUrl, issueInvitation } from "@/lib/auth/teacher-invitations";
import { configuredOrigin } from "@/lib/config/app-origin";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";

export const POST = handle(async (req) => {
  const teacher = await requireTeacher();
  const invitation = await issueInvitation(prisma(), { issuedById: teacher.id });
  const url = invitationUrl(configuredOrigin() ?? new URL(req.url).origin, invitation.token);
  return json({ invitation: { url, expiresAt: invitation.expiresAt.toISOString() } }, 201);
});

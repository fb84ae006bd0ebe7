import { issueLinkForStudent, resetUrl } from "@/lib/account/password-reset";
import { mailConfig, sendResetLink } from "@/lib/account/reset-mail";
import { requireTeacher } from "@/lib/auth/session";
import { configuredOrigin } from "@/lib/config/app-origin";
import { prisma } from "@/lib/db/client";
import { handle, json } from "@/lib/http/handler";
import { uuidParam } from "@/lib/http/ids";

export const POST = handle<{ id: string; userId: string }>(async (req, { params }) => {
  const teacher = await requireTeacher();
  const classId = await uuidParam(params, "id", "class");
  const studentId = await uuidParam(params, "userId", "student in this class");
  const link = await issueLinkForStudent(prisma(), teacher.id, classId, studentId);
  const url = resetUrl(configuredOrigin() ?? new URL(req.url).origin, link.token);
  const mail = mailConfig();
  // The link is the teacher's to hand over either way; with SMTP the student gets it too.
  let emailed = false;
  if (mail) {
    try {
      await sendResetLink(mail, link.student, url, link.expiresAt);
      emailed = true;
    } catch (err) {
      console.error("[mail] reset link for a student not sent:", err instanceof Error ? err.message : err);
    }
  }
  return json({ url, expiresAt: link.expiresAt.toISOString(), student: { id: link.student.id, name: link.student.name }, emailed }, 201);
});

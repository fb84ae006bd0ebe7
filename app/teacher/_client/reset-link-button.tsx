"use client";

// A one-time password reset link for a student of this class, for the teacher to hand over
// (and, when the server sends mail, emailed to the student as well).
import { OneTimeLinkDialog } from "@/app/_components/one-time-link-dialog";
import { SecondaryButton } from "@/app/_components/ui";

type Issued = { url: string; expiresAt: string; emailed: boolean };

export function ResetLinkButton({ classId, student, timeZone }: { classId: string; student: { id: string; name: string }; timeZone: string }) {
  return (
    <OneTimeLinkDialog
      endpoint={`/api/classes/${classId}/students/${student.id}/reset-link`}
      read={(data) => {
        const d = data as Issued;
        return { url: d.url, expiresAt: d.expiresAt, ...(d.emailed ? { note: "It was also emailed to the student." } : {}) };
      }}
      trigger={<SecondaryButton aria-label={`Password reset link for ${student.name}`}>Reset link</SecondaryButton>}
      title={`Password reset link for ${student.name}`}
      description="The link lets whoever opens it choose a new password for this student, once, within 24 hours; it signs the student out everywhere. A new link replaces the previous one."
      inputId="reset-link-url"
      linkLabel={`Give this link to ${student.name} only`}
      makeLabel="Make a link"
      timeZone={timeZone}
    />
  );
}

"use client";

// A one-time invitation for a colleague to register a teacher account (teacher sign-up needs one).
import { OneTimeLinkDialog } from "@/app/_components/one-time-link-dialog";
import { SecondaryButton } from "@/app/_components/ui";

type Issued = { invitation: { url: string; expiresAt: string } };

export function InviteTeacherButton({ timeZone }: { timeZone: string }) {
  return (
    <OneTimeLinkDialog
      endpoint="/api/teacher-invitations"
      read={(data) => (data as Issued).invitation}
      trigger={<SecondaryButton>Invite a teacher</SecondaryButton>}
      title="Invite a teacher"
      description="Teacher accounts need an invitation. The link lets whoever opens it register one teacher account, once, within 7 days: give it only to the colleague you mean."
      inputId="invitation-url"
      linkLabel="Give this link to your colleague"
      makeLabel="Make an invitation"
      timeZone={timeZone}
    />
  );
}

"use client";

// A one-time password reset link for a student of this class, for the teacher to hand over
// (and, when the server sends mail, emailed to the student as well).
import { useState } from "react";
import { callApi } from "@/app/_components/api-call";
import { DialogClose, Modal } from "@/app/_components/dialog";
import { formatDateTime } from "@/app/_components/format";
import { Alert, Button, SecondaryButton } from "@/app/_components/ui";

type Issued = { url: string; expiresAt: string; emailed: boolean };

export function ResetLinkButton({ classId, student, timeZone }: { classId: string; student: { id: string; name: string }; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<Issued>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  async function issue() {
    setBusy(true);
    setError(undefined);
    const res = await callApi(`/api/classes/${classId}/students/${student.id}/reset-link`, "POST");
    setBusy(false);
    if (!res.ok) setError(res.message);
    else setIssued(res.data as Issued);
  }

  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setIssued(undefined);
          setError(undefined);
          setCopied(false);
        }
      }}
      trigger={<SecondaryButton aria-label={`Password reset link for ${student.name}`}>Reset link</SecondaryButton>}
      title={`Password reset link for ${student.name}`}
      description="The link lets whoever opens it choose a new password for this student, once, within 24 hours; it signs the student out everywhere. A new link replaces the previous one."
    >
      {error && <Alert>{error}</Alert>}
      {issued ? (
        <div>
          <label htmlFor="reset-link-url" className="mb-1 block text-sm font-medium">Give this link to {student.name} only</label>
          <input id="reset-link-url" readOnly value={issued.url} className="mb-2 w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800" onFocus={(e) => e.currentTarget.select()} />
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            Works once, until {formatDateTime(new Date(issued.expiresAt), timeZone)}.{issued.emailed ? " It was also emailed to the student." : ""}
          </p>
          <div className="flex gap-2">
            <SecondaryButton type="button" onClick={() => void navigator.clipboard?.writeText(issued.url).then(() => setCopied(true))}>
              {copied ? "Copied" : "Copy link"}
            </SecondaryButton>
            <DialogClose asChild><Button type="button">Done</Button></DialogClose>
          </div>
        </div>
      ) : (
        <div className="flex gap-2">
          <Button type="button" disabled={busy} onClick={() => void issue()}>{busy ? "Making…" : "Make a link"}</Button>
          <DialogClose asChild><SecondaryButton type="button">Cancel</SecondaryButton></DialogClose>
        </div>
      )}
    </Modal>
  );
}

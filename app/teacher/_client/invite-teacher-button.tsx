"use client";

// A one-time invitation for a colleague to register a teacher account (teacher sign-up needs one).
import { useState } from "react";
import { callApi } from "@/app/_components/api-call";
import { DialogClose, Modal } from "@/app/_components/dialog";
import { formatDateTime } from "@/app/_components/format";
import { Alert, Button, SecondaryButton } from "@/app/_components/ui";

type Issued = { invitation: { url: string; expiresAt: string } };

export function InviteTeacherButton({ timeZone }: { timeZone: string }) {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<Issued["invitation"]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  async function issue() {
    setBusy(true);
    setError(undefined);
    const res = await callApi("/api/teacher-invitations", "POST");
    setBusy(false);
    if (!res.ok) setError(res.message);
    else setIssued((res.data as Issued).invitation);
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
      trigger={<SecondaryButton>Invite a teacher</SecondaryButton>}
      title="Invite a teacher"
      description="Teacher accounts need an invitation. The link lets whoever opens it register one teacher account, once, within 7 days: give it only to the colleague you mean."
    >
      {error && <Alert>{error}</Alert>}
      {issued ? (
        <div>
          <label htmlFor="invitation-url" className="mb-1 block text-sm font-medium">Give this link to your colleague</label>
          <input id="invitation-url" readOnly value={issued.url} className="mb-2 w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800" onFocus={(e) => e.currentTarget.select()} />
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">Works once, until {formatDateTime(new Date(issued.expiresAt), timeZone)}.</p>
          <div className="flex gap-2">
            <SecondaryButton type="button" onClick={() => void navigator.clipboard?.writeText(issued.url).then(() => setCopied(true))}>
              {copied ? "Copied" : "Copy link"}
            </SecondaryButton>
            <DialogClose asChild><Button type="button">Done</Button></DialogClose>
          </div>
        </div>
      ) : (
        <div className="flex gap-2">
          <Button type="button" disabled={busy} onClick={() => void issue()}>{busy ? "Making…" : "Make an invitation"}</Button>
          <DialogClose asChild><SecondaryButton type="button">Cancel</SecondaryButton></DialogClose>
        </div>
      )}
    </Modal>
  );
}

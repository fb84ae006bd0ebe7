"use client";

// A dialog that asks the server for a one-time link (a teacher invitation, a student's password
// reset link) and shows it once, to copy and hand over.
import { useState, type ReactNode } from "react";
import { callApi } from "@/app/_components/api-call";
import { DialogClose, Modal } from "@/app/_components/dialog";
import { formatDateTime } from "@/app/_components/format";
import { Alert, Button, SecondaryButton } from "@/app/_components/ui";

export interface IssuedLink {
  url: string;
  expiresAt: string;
  /** Said after the expiry ("It was also emailed to the student."). */
  note?: string;
}

export function OneTimeLinkDialog(props: {
  endpoint: string;
  /** The link in the endpoint's answer. */
  read: (data: unknown) => IssuedLink;
  trigger: ReactNode;
  title: string;
  description: string;
  inputId: string;
  linkLabel: string;
  makeLabel: string;
  timeZone: string;
}) {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedLink>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  async function issue() {
    setBusy(true);
    setError(undefined);
    const res = await callApi(props.endpoint, "POST");
    setBusy(false);
    if (!res.ok) setError(res.message);
    else setIssued(props.read(res.data));
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
      trigger={props.trigger}
      title={props.title}
      description={props.description}
    >
      {error && <Alert>{error}</Alert>}
      {issued ? (
        <div>
          <label htmlFor={props.inputId} className="mb-1 block text-sm font-medium">{props.linkLabel}</label>
          <input id={props.inputId} readOnly value={issued.url} className="mb-2 w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800" onFocus={(e) => e.currentTarget.select()} />
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            Works once, until {formatDateTime(new Date(issued.expiresAt), props.timeZone)}.{issued.note ? ` ${issued.note}` : ""}
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
          <Button type="button" disabled={busy} onClick={() => void issue()}>{busy ? "Making…" : props.makeLabel}</Button>
          <DialogClose asChild><SecondaryButton type="button">Cancel</SecondaryButton></DialogClose>
        </div>
      )}
    </Modal>
  );
}

"use client";

// A button that asks first: "Remove Ada from 9B?" with Cancel / the action. The action's
// error (the server's message) shows in the dialog, which stays open.
import { useState } from "react";
import { Alert, Button, DangerButton, SecondaryButton } from "../../_components/ui";
import { DialogClose, Modal } from "./dialog";

export function ConfirmButton({ label, accessibleLabel, title, description, confirmLabel, onConfirm, danger = true }: {
  label: string;
  /** When the visible label is ambiguous in a list ("Remove" → "Remove Ada Lovelace"). */
  accessibleLabel?: string;
  title: string;
  description: string;
  confirmLabel: string;
  /** Resolves to an error message, or undefined when done. */
  onConfirm: () => Promise<string | undefined>;
  danger?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const Action = danger ? DangerButton : Button;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    setBusy(true);
    setError(undefined);
    const message = await onConfirm();
    setBusy(false);
    if (message) setError(message);
    else setOpen(false);
  }

  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(undefined);
      }}
      title={title}
      description={description}
      trigger={<SecondaryButton type="button" aria-label={accessibleLabel}>{label}</SecondaryButton>}
    >
      {error && <Alert>{error}</Alert>}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <DialogClose asChild>
          <SecondaryButton type="button">Cancel</SecondaryButton>
        </DialogClose>
        <Action type="button" onClick={() => void confirm()} disabled={busy}>
          {busy ? "Working…" : confirmLabel}
        </Action>
      </div>
    </Modal>
  );
}

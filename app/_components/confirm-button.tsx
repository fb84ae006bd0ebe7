"use client";

// A button that asks first: "Remove Ada from 9B?" with Cancel / the action. The action's
// error (the server's message) shows in the dialog, which stays open.
import { Alert, Button, DangerButton, SecondaryButton } from "@/app/_components/ui";
import { DialogActions, FormDialog, useApiSubmit } from "@/app/_components/form-dialog";

type ConfirmAction = {
  confirmLabel: string;
  /** Resolves to an error message, or undefined when done. */
  onConfirm: () => Promise<string | undefined>;
  danger?: boolean;
};

function Confirm({ confirmLabel, onConfirm, danger = true, onDone }: ConfirmAction & { onDone: () => void }) {
  const Action = danger ? DangerButton : Button;
  const { busy, error, submit } = useApiSubmit();

  async function confirm() {
    const res = await submit(async () => {
      const message = await onConfirm();
      return message ? { ok: false as const, message } : { ok: true as const };
    });
    if (res.ok) onDone();
  }

  return (
    <>
      {error && <Alert>{error.message}</Alert>}
      <DialogActions className="mt-4 flex flex-wrap justify-end gap-2">
        <Action type="button" onClick={() => void confirm()} disabled={busy}>
          {busy ? "Working…" : confirmLabel}
        </Action>
      </DialogActions>
    </>
  );
}

export function ConfirmButton({ label, accessibleLabel, title, description, ...action }: ConfirmAction & {
  label: string;
  /** When the visible label is ambiguous in a list ("Remove" → "Remove Ada Lovelace"). */
  accessibleLabel?: string;
  title: string;
  description: string;
}) {
  return (
    <FormDialog title={title} description={description} trigger={<SecondaryButton type="button" aria-label={accessibleLabel}>{label}</SecondaryButton>}>
      {(close) => <Confirm {...action} onDone={close} />}
    </FormDialog>
  );
}

"use client";

// The plumbing the app's dialogs share: a modal that owns its open state and mounts its
// content on opening (so a form starts afresh, with the browser's "now"), one request's busy
// flag and error, the Cancel / action row, and a form that sends its body to the JSON API
// and, once the server accepts it, closes (or navigates) and refreshes the page.
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Alert, Button, SecondaryButton } from "@/app/_components/ui";
import { type ApiResult, callApi } from "@/app/_components/api-call";
import { DialogClose, Modal } from "@/app/_components/dialog";

/** The server's (or the form's own) message, and messages by the API's field name. */
export type FormError = { message: string; fields: Record<string, string> };

type Outcome = { ok: true } | { ok: false; message: string; fields?: Record<string, string> };

/**
 * One request at a time: `busy` while it runs, and its failure as `error`. After a success
 * `busy` stays on: the caller closes the dialog or leaves the page.
 */
export function useApiSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError>();

  async function submit<T extends Outcome>(request: () => Promise<T>): Promise<T> {
    setBusy(true);
    setError(undefined);
    const res = await request();
    if (!res.ok) {
      setBusy(false);
      setError({ message: res.message, fields: res.fields ?? {} });
    }
    return res;
  }

  return { busy, error, setError, submit };
}

/** A modal with its trigger; `children` gets `close` and mounts each time the dialog opens. */
export function FormDialog({ trigger, title, description, children }: {
  trigger: ReactNode;
  title: string;
  description?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Modal open={open} onOpenChange={setOpen} title={title} description={description} trigger={trigger}>
      {children(() => setOpen(false))}
    </Modal>
  );
}

/** Cancel (closes the dialog), then the dialog's own action. */
export function DialogActions({ className = "flex justify-end gap-2", children }: { className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <DialogClose asChild>
        <SecondaryButton type="button">Cancel</SecondaryButton>
      </DialogClose>
      {children}
    </div>
  );
}

/**
 * A dialog's form: checks `validate` first (messages by field), then sends `body` to the
 * API. The error shows above the fields (after `errorPrefix`) and by field through
 * `children`; on success `onSuccess` gets the response and the page refreshes.
 */
export function ApiForm({ url, method, body, validate, onSuccess, errorPrefix = "", submitLabel, busyLabel, actionsClassName, children }: {
  url: string;
  method: "POST" | "PATCH" | "PUT";
  /** The request body; the form element is there for uncontrolled fields. */
  body: (form: HTMLFormElement) => unknown;
  validate?: () => Record<string, string>;
  onSuccess: (data: unknown) => void;
  errorPrefix?: string;
  submitLabel: string;
  busyLabel: string;
  actionsClassName?: string;
  children: (fieldErrors: Record<string, string> | undefined) => ReactNode;
}) {
  const router = useRouter();
  const { busy, error, setError, submit } = useApiSubmit();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems = validate?.() ?? {};
    if (Object.keys(problems).length > 0) {
      setError({ message: Object.values(problems).join(" "), fields: problems });
      return;
    }
    const form = e.currentTarget;
    const res: ApiResult = await submit(() => callApi(url, method, body(form)));
    if (!res.ok) return;
    onSuccess(res.data);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <Alert>
          {errorPrefix}
          {error.message}
        </Alert>
      )}
      {children(error?.fields)}
      <DialogActions className={actionsClassName}>
        <Button type="submit" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}

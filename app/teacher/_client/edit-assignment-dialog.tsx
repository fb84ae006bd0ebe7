"use client";

// "Edit" an assignment's settings: a review goal's due date and target recall, or a quiz's
// questions, time limit, attempts and window (its kind, class and deck stay). The form
// mounts when the dialog opens, so the stored times show in the browser's time zone.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button, SecondaryButton } from "../../_components/ui";
import { callApi } from "../../classes/_client/api";
import { toLocalInput } from "../../classes/_client/datetime";
import { DialogClose, Modal } from "../../classes/_client/dialog";
import { formErrors, type Kind, type SettingsValues, SettingsFields, settingsBody } from "./assignment-fields";

export type EditableAssignment = {
  id: string;
  kind: Kind;
  dueAt: string | null;
  targetRecall: number | null;
  count: number | null;
  timeLimitSec: number | null;
  attempts: number | null;
  opensAt: string | null;
  closesAt: string | null;
};

const local = (iso: string | null) => (iso ? toLocalInput(new Date(iso)) : "");
const text = (n: number | null) => (n === null ? "" : String(n));

function initialValues(a: EditableAssignment): SettingsValues {
  return {
    dueAt: local(a.dueAt),
    // Rounded to a tenth of a percent, so 0.85 shows as 85 rather than 85.00000000000001.
    targetPct: a.targetRecall === null ? "" : String(Math.round(a.targetRecall * 1000) / 10),
    count: text(a.count),
    timeLimitSec: text(a.timeLimitSec),
    attempts: text(a.attempts),
    opensAt: local(a.opensAt),
    closesAt: local(a.closesAt),
  };
}

function EditForm({ assignment, onDone }: { assignment: EditableAssignment; onDone: () => void }) {
  const router = useRouter();
  const [values, setValues] = useState(() => initialValues(assignment));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> }>();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems = formErrors(assignment.kind, values);
    if (Object.keys(problems).length > 0) {
      setError({ message: Object.values(problems).join(" "), fields: problems });
      return;
    }
    setBusy(true);
    setError(undefined);
    const res = await callApi(`/api/assignments/${assignment.id}`, "PATCH", settingsBody(assignment.kind, values));
    setBusy(false);
    if (!res.ok) {
      setError({ message: res.message, fields: res.fields });
      return;
    }
    onDone();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>Not saved: {error.message}</Alert>}
      <SettingsFields kind={assignment.kind} idPrefix="edit" values={values} onChange={(key, value) => setValues({ ...values, [key]: value })} errors={error?.fields} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <SecondaryButton type="button">Cancel</SecondaryButton>
        </DialogClose>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}

export function EditAssignmentDialog({ assignment }: { assignment: EditableAssignment }) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={assignment.kind === "REVIEW" ? "Edit the review goal" : "Edit the quiz"}
      description={
        assignment.kind === "REVIEW"
          ? "Students' own extended due dates stay as they are."
          : "Attempts already started keep their time limit; the quiz is due when it closes."
      }
      trigger={
        <SecondaryButton type="button">Edit</SecondaryButton>
      }
    >
      <EditForm assignment={assignment} onDone={() => setOpen(false)} />
    </Modal>
  );
}

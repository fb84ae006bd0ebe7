"use client";

// "Edit" an assignment's settings: a review goal's due date and target recall, or a quiz's
// questions, time limit, attempts and window (its kind, class and deck stay). The form
// mounts when the dialog opens, so the stored times show in the browser's time zone.
import { splitTimeLimit } from "@/app/_components/time-limit-fields";
import { useState } from "react";
import { SecondaryButton } from "../../_components/ui";
import { toLocalInput } from "@/app/_components/datetime";
import { ApiForm, FormDialog } from "@/app/_components/form-dialog";
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
    ...splitTimeLimit(a.timeLimitSec),
    attempts: text(a.attempts),
    opensAt: local(a.opensAt),
    closesAt: local(a.closesAt),
  };
}

function EditForm({ assignment, onDone }: { assignment: EditableAssignment; onDone: () => void }) {
  const [values, setValues] = useState(() => initialValues(assignment));
  return (
    <ApiForm
      url={`/api/assignments/${assignment.id}`}
      method="PATCH"
      body={() => settingsBody(assignment.kind, values)}
      validate={() => formErrors(assignment.kind, values)}
      onSuccess={onDone}
      errorPrefix="Not saved: "
      submitLabel="Save"
      busyLabel="Saving…"
    >
      {(errors) => <SettingsFields kind={assignment.kind} idPrefix="edit" values={values} onChange={(key, value) => setValues({ ...values, [key]: value })} errors={errors} />}
    </ApiForm>
  );
}

export function EditAssignmentDialog({ assignment }: { assignment: EditableAssignment }) {
  return (
    <FormDialog
      title={assignment.kind === "REVIEW" ? "Edit the review goal" : "Edit the quiz"}
      description={
        assignment.kind === "REVIEW"
          ? "Students' own extended due dates stay as they are."
          : "Attempts already started keep their time limit; the quiz is due when it closes."
      }
      trigger={<SecondaryButton type="button">Edit</SecondaryButton>}
    >
      {(close) => <EditForm assignment={assignment} onDone={close} />}
    </FormDialog>
  );
}

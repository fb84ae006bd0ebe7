"use client";

// Per-student accommodation on one assignment: extra time on quizzes (a factor 1–4) and
// an extended due date. The form mounts when the dialog opens (dates in the browser's zone).
// A review goal has no clock, so its form offers the due date only (the factor is kept).
import { useState } from "react";
import { Field, SecondaryButton } from "../../_components/ui";
import { fromLocalInput, toLocalInput } from "@/app/_components/datetime";
import { ApiForm, FormDialog } from "@/app/_components/form-dialog";

type Props = { assignmentId: string; kind: "REVIEW" | "QUIZ"; student: { id: string; name: string }; timeFactor: number; extendedDueAt: string | null };

function AccommodationForm({ assignmentId, kind, student, timeFactor, extendedDueAt, onDone }: Props & { onDone: () => void }) {
  const [factor, setFactor] = useState(String(timeFactor));
  const [due, setDue] = useState(extendedDueAt ? toLocalInput(new Date(extendedDueAt)) : "");

  const body = () => {
    const n = Number(factor);
    return { timeFactor: factor.trim() !== "" && Number.isFinite(n) ? n : factor, extendedDueAt: due ? fromLocalInput(due) : null };
  };

  return (
    <ApiForm url={`/api/assignments/${assignmentId}/accommodations/${student.id}`} method="PUT" body={body} onSuccess={onDone} errorPrefix="Not saved: " submitLabel="Save" busyLabel="Saving…">
      {(errors) => (
        <>
          {kind === "QUIZ" && (
            <Field label="Extra-time factor (1–4)" id="acc-factor" type="number" inputMode="decimal" min="1" max="4" step="0.25" value={factor} onChange={(e) => setFactor(e.target.value)} error={errors?.timeFactor} />
          )}
          <Field label="Extended due date (optional)" id="acc-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} error={errors?.extendedDueAt} />
          <p className="-mt-2 mb-3 text-xs text-slate-600 dark:text-slate-400">
            Leave empty to use the class due date.{" "}
            {kind === "QUIZ" && "It decides whether the student is late; the quiz itself still closes at the class's closing time. "}
            Times are in this browser&apos;s time zone.
          </p>
        </>
      )}
    </ApiForm>
  );
}

export function AccommodationDialog(props: Props) {
  return (
    <FormDialog
      title={`Accommodation for ${props.student.name}`}
      description={props.kind === "QUIZ" ? "The quiz's time limit is multiplied by the factor for this student." : "The extended due date replaces the class due date for this student."}
      trigger={
        <SecondaryButton type="button" aria-label={`Adjust accommodation for ${props.student.name}`} className="mt-1">
          Adjust
        </SecondaryButton>
      }
    >
      {(close) => <AccommodationForm {...props} onDone={close} />}
    </FormDialog>
  );
}

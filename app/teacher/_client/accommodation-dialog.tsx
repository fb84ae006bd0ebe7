"use client";

// Per-student accommodation on one assignment: extra time on quizzes (a factor 1–4) and
// an extended due date. The form mounts when the dialog opens (dates in the browser's zone).
// A review goal has no clock, so its form offers the due date only (the factor is kept).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button, Field, SecondaryButton } from "../../_components/ui";
import { callApi } from "../../classes/_client/api";
import { fromLocalInput, toLocalInput } from "../../classes/_client/datetime";
import { DialogClose, Modal } from "../../classes/_client/dialog";

type Props = { assignmentId: string; kind: "REVIEW" | "QUIZ"; student: { id: string; name: string }; timeFactor: number; extendedDueAt: string | null };

function AccommodationForm({ assignmentId, kind, student, timeFactor, extendedDueAt, onDone }: Props & { onDone: () => void }) {
  const router = useRouter();
  const [factor, setFactor] = useState(String(timeFactor));
  const [due, setDue] = useState(extendedDueAt ? toLocalInput(new Date(extendedDueAt)) : "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> }>();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const n = Number(factor);
    const res = await callApi(`/api/assignments/${assignmentId}/accommodations/${student.id}`, "PUT", {
      timeFactor: factor.trim() !== "" && Number.isFinite(n) ? n : factor,
      extendedDueAt: due ? fromLocalInput(due) : null,
    });
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
      {kind === "QUIZ" && (
        <Field label="Extra-time factor (1–4)" id="acc-factor" type="number" inputMode="decimal" min="1" max="4" step="0.25" value={factor} onChange={(e) => setFactor(e.target.value)} error={error?.fields.timeFactor} />
      )}
      <Field label="Extended due date (optional)" id="acc-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} error={error?.fields.extendedDueAt} />
      <p className="-mt-2 mb-3 text-xs text-slate-600 dark:text-slate-400">
        Leave empty to use the class due date.{" "}
        {kind === "QUIZ" && "It decides whether the student is late; the quiz itself still closes at the class's closing time. "}
        Times are in this browser&apos;s time zone.
      </p>
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

export function AccommodationDialog(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={`Accommodation for ${props.student.name}`}
      description={props.kind === "QUIZ" ? "The quiz's time limit is multiplied by the factor for this student." : "The extended due date replaces the class due date for this student."}
      trigger={
        <SecondaryButton type="button" aria-label={`Adjust accommodation for ${props.student.name}`} className="mt-1">
          Adjust
        </SecondaryButton>
      }
    >
      <AccommodationForm {...props} onDone={() => setOpen(false)} />
    </Modal>
  );
}

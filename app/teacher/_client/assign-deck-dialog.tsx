"use client";

// "Assign a deck": a review goal (due date, target recall) or a quiz (questions, time
// limit, attempts, window). The form mounts when the dialog opens, so its default dates
// are the browser's "now", in the browser's time zone.
import { useState } from "react";
import { Button, SelectField } from "../../_components/ui";
import { nowToMinute, toLocalInput } from "@/app/_components/datetime";
import { ApiForm, FormDialog } from "@/app/_components/form-dialog";
import { formErrors, type Kind, type SettingsValues, SettingsFields, settingsBody } from "./assignment-fields";

export type DeckOption = { id: string; title: string; cardCount: number };
type Values = SettingsValues & { deckId: string };

const DAY = 86_400_000;

function initialValues(decks: DeckOption[]): Values {
  const now = nowToMinute();
  const inAWeek = new Date(now.getTime() + 7 * DAY);
  inAWeek.setHours(23, 59, 0, 0);
  return {
    deckId: decks[0]?.id ?? "",
    dueAt: toLocalInput(inAWeek),
    targetPct: "85",
    count: "10",
    minutes: "10",
    seconds: "0",
    attempts: "1",
    opensAt: toLocalInput(now),
    closesAt: toLocalInput(inAWeek),
  };
}

function AssignForm({ classId, decks, onDone }: { classId: string; decks: DeckOption[]; onDone: () => void }) {
  const [kind, setKind] = useState<Kind>("REVIEW");
  const [values, setValues] = useState<Values>(() => initialValues(decks));

  const radio = (value: Kind, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="h-4 w-4" />
      {label}
    </label>
  );

  return (
    <ApiForm
      url="/api/assignments"
      method="POST"
      body={() => ({ kind, classId, deckId: values.deckId, ...settingsBody(kind, values) })}
      validate={() => formErrors(kind, values)}
      onSuccess={onDone}
      errorPrefix="Not assigned: "
      submitLabel="Assign"
      busyLabel="Assigning…"
    >
      {(errors) => (
        <>
          <fieldset className="mb-3">
            <legend className="mb-1 text-sm font-medium">Kind</legend>
            <div className="flex flex-wrap gap-4">
              {radio("REVIEW", "Review goal")}
              {radio("QUIZ", "Quiz")}
            </div>
          </fieldset>
          <SelectField label="Deck" id="assign-deckId" name="deckId" value={values.deckId} onChange={(e) => setValues({ ...values, deckId: e.target.value })} error={errors?.deckId}>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({d.cardCount} cards)
              </option>
            ))}
          </SelectField>
          <SettingsFields kind={kind} idPrefix="assign" values={values} onChange={(key, value) => setValues({ ...values, [key]: value })} errors={errors} />
        </>
      )}
    </ApiForm>
  );
}

export function AssignDeckDialog({ classId, decks }: { classId: string; decks: DeckOption[] }) {
  return (
    <FormDialog
      title="Assign a deck"
      description="A review goal asks students to study every card and reach a target recall by the due date; a quiz is timed and marked by the server."
      trigger={<Button type="button" disabled={decks.length === 0}>Assign a deck</Button>}
    >
      {(close) => <AssignForm classId={classId} decks={decks} onDone={close} />}
    </FormDialog>
  );
}

"use client";

// "Assign a deck": a review goal (due date, target recall) or a quiz (questions, time
// limit, attempts, window). The form mounts when the dialog opens, so its default dates
// are the browser's "now", in the browser's time zone.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button, Field, SecondaryButton, SelectField } from "../../_components/ui";
import { callApi } from "../../classes/_client/api";
import { fromLocalInput, nowToMinute, toLocalInput } from "../../classes/_client/datetime";
import { DialogClose, Modal } from "../../classes/_client/dialog";

export type DeckOption = { id: string; title: string; cardCount: number };
type Kind = "REVIEW" | "QUIZ";
type Values = { deckId: string; dueAt: string; targetPct: string; count: string; timeLimitSec: string; attempts: string; opensAt: string; closesAt: string };

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
    timeLimitSec: "600",
    attempts: "1",
    opensAt: toLocalInput(now),
    closesAt: toLocalInput(inAWeek),
  };
}

/** A number where the text is one; otherwise the text, so the server names the problem. */
const num = (text: string): number | string => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

function body(kind: Kind, classId: string, v: Values) {
  if (kind === "REVIEW") {
    const pct = num(v.targetPct);
    return { kind, classId, deckId: v.deckId, dueAt: fromLocalInput(v.dueAt), targetRecall: typeof pct === "number" ? pct / 100 : pct };
  }
  return {
    kind, classId, deckId: v.deckId, count: num(v.count), timeLimitSec: num(v.timeLimitSec), attempts: num(v.attempts),
    opensAt: fromLocalInput(v.opensAt), closesAt: fromLocalInput(v.closesAt),
  };
}

function AssignForm({ classId, decks, onDone }: { classId: string; decks: DeckOption[]; onDone: () => void }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("REVIEW");
  const [values, setValues] = useState<Values>(() => initialValues(decks));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> }>();

  const field = (key: keyof Values, serverKey: string = key) => ({
    id: `assign-${key}`,
    name: key,
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues({ ...values, [key]: e.target.value }),
    error: error?.fields[serverKey],
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const res = await callApi("/api/assignments", "POST", body(kind, classId, values));
    setBusy(false);
    if (!res.ok) {
      setError({ message: res.message, fields: res.fields });
      return;
    }
    onDone();
    router.refresh();
  }

  const radio = (value: Kind, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="h-4 w-4" />
      {label}
    </label>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>Not assigned: {error.message}</Alert>}
      <fieldset className="mb-3">
        <legend className="mb-1 text-sm font-medium">Kind</legend>
        <div className="flex flex-wrap gap-4">
          {radio("REVIEW", "Review goal")}
          {radio("QUIZ", "Quiz")}
        </div>
      </fieldset>
      <SelectField label="Deck" {...field("deckId")}>
        {decks.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title} ({d.cardCount} cards)
          </option>
        ))}
      </SelectField>
      {kind === "REVIEW" ? (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label="Due" type="datetime-local" {...field("dueAt")} />
          <Field label="Target recall (%)" type="number" inputMode="numeric" min="1" max="100" {...field("targetPct", "targetRecall")} />
        </div>
      ) : (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label="Questions" type="number" inputMode="numeric" min="5" max="50" {...field("count")} />
          <Field label="Time limit (seconds)" type="number" inputMode="numeric" min="10" max="7200" {...field("timeLimitSec")} />
          <Field label="Attempts allowed" type="number" inputMode="numeric" min="1" max="20" {...field("attempts")} />
          <div className="hidden sm:block" />
          <Field label="Opens" type="datetime-local" {...field("opensAt")} />
          <Field label="Closes" type="datetime-local" {...field("closesAt")} />
        </div>
      )}
      <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">Times are in this browser&apos;s time zone.</p>
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <SecondaryButton type="button">Cancel</SecondaryButton>
        </DialogClose>
        <Button type="submit" disabled={busy}>
          {busy ? "Assigning…" : "Assign"}
        </Button>
      </div>
    </form>
  );
}

export function AssignDeckDialog({ classId, decks }: { classId: string; decks: DeckOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="Assign a deck"
      description="A review goal asks students to study every card and reach a target recall by the due date; a quiz is timed and marked by the server."
      trigger={<Button type="button" disabled={decks.length === 0}>Assign a deck</Button>}
    >
      <AssignForm classId={classId} decks={decks} onDone={() => setOpen(false)} />
    </Modal>
  );
}

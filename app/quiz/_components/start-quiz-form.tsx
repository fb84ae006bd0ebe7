"use client";

// Starts a quiz from a deck or from the learner's at-risk cards. The browser checks the
// numbers first with messages in the learner's terms; whatever the server still refuses
// (a deck with too few cards, nothing studied yet) is shown in the server's own words.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { MAX_QUESTIONS, MIN_QUESTIONS } from "@/lib/api/quiz";
import { TimeLimitFields } from "../../_components/time-limit-fields";
import { Alert, Button, Field } from "../../_components/ui";
import { createAttempt } from "./api";
import { AT_RISK_TITLE } from "./format";
import { checkStart, serverFieldErrors, type StartErrors, type StartValues } from "./start-values";

export type DeckOption = { id: string; title: string; cardCount: number };

const control = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";
const hintClass = "mb-3 text-xs text-slate-600 dark:text-slate-400";
const errorClass = "mt-1 text-sm text-red-700 dark:text-red-300";

export function StartQuizForm({ decks, initialDeckId }: { decks: DeckOption[]; initialDeckId?: string }) {
  const router = useRouter();
  const uid = useId();
  const ids = { deck: `${uid}-deck`, count: `${uid}-count`, minutes: `${uid}-minutes`, seconds: `${uid}-seconds`, time: `${uid}-time` };
  const [values, setValues] = useState<StartValues>({
    source: decks.length === 0 ? "at-risk" : "deck",
    deckId: initialDeckId ?? decks[0]?.id ?? "",
    count: "10",
    minutes: "5",
    seconds: "0",
  });
  const [errors, setErrors] = useState<StartErrors>({});
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set = (key: keyof StartValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues({ ...values, [key]: e.target.value });

  /** Keyboard and screen-reader users land on the first field to fix (the alert is announced too). */
  function focusFirst(errs: StartErrors) {
    const id = errs.deckId ? ids.deck : errs.count ? ids.count : errs.time ? ids.minutes : null;
    if (id) document.getElementById(id)?.focus();
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setGeneral(undefined);
    const checked = checkStart(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setGeneral("Please correct the fields marked below.");
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const res = await createAttempt(checked.body);
    if (!res.ok) {
      setBusy(false);
      const fields = serverFieldErrors(res.fields);
      setErrors(fields);
      setGeneral(res.message);
      focusFirst(fields);
      return;
    }
    // Busy until the quiz page replaces this one.
    router.push(`/quiz/${res.data.id}`);
  }

  const describedBy = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Start a quiz">
      {general && <Alert>Quiz not started: {general}</Alert>}

      <fieldset className="mb-3">
        <legend className="mb-1 text-sm font-medium">Questions from</legend>
        <div className="flex flex-col gap-1 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="source" value="deck" checked={values.source === "deck"} onChange={set("source")} disabled={decks.length === 0} />
            A deck
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="source" value="at-risk" checked={values.source === "at-risk"} onChange={set("source")} aria-describedby={`${uid}-at-risk-hint`} />
            {AT_RISK_TITLE}
          </label>
        </div>
        <p id={`${uid}-at-risk-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          “{AT_RISK_TITLE}” asks about the cards you have studied that you are least likely to recall right now, from all your decks.
        </p>
      </fieldset>

      {values.source === "deck" && (
        <div className="mb-3">
          <label htmlFor={ids.deck} className="mb-1 block text-sm font-medium">
            Deck
          </label>
          <select
            id={ids.deck}
            name="deckId"
            value={values.deckId}
            onChange={set("deckId")}
            aria-invalid={errors.deckId ? true : undefined}
            aria-describedby={errors.deckId ? `${ids.deck}-error` : undefined}
            className={control}
          >
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({d.cardCount} cards)
              </option>
            ))}
          </select>
          {errors.deckId && (
            <p id={`${ids.deck}-error`} className={errorClass}>
              {errors.deckId}
            </p>
          )}
        </div>
      )}

      <Field
        label="Number of questions"
        id={ids.count}
        name="count"
        type="number"
        inputMode="numeric"
        min={MIN_QUESTIONS}
        max={MAX_QUESTIONS}
        value={values.count}
        onChange={set("count")}
        error={errors.count}
        aria-describedby={describedBy(`${ids.count}-hint`, errors.count && `${ids.count}-error`)}
      />
      <p id={`${ids.count}-hint`} className={`-mt-2 ${hintClass}`}>
        {MIN_QUESTIONS} to {MAX_QUESTIONS}. A deck with fewer cards that can be asked gives a shorter quiz.
      </p>

      <TimeLimitFields
        idPrefix={uid}
        minutes={values.minutes}
        seconds={values.seconds}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        error={errors.time}
        hint="10 seconds to 2 hours. The clock starts as soon as the quiz does, and at zero the quiz submits itself."
      />

      <Button type="submit" disabled={busy}>
        {busy ? "Starting…" : "Start quiz"}
      </Button>
    </form>
  );
}

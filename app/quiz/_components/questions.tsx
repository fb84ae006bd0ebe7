"use client";

// One quiz question per type, handing its answer to the runner, which sends it once: a
// multiple-choice option answers with one click, a typed year with Enter, a chronology
// with "Confirm order" once the events are in place.
// Payloads come from the API (prompts and options only, never a key).
import { useId, useRef, useState } from "react";
import type { AttemptDto } from "@/lib/api/quiz";
import { parseYear } from "@/lib/quiz/mark";
import { chronologyPayloadSchema, mcqPayloadSchema } from "@/lib/quiz/types";
import { Button, Field } from "../../_components/ui";
import { moveItem } from "./order";

export type PublicQuestion = AttemptDto["questions"][number];

export type QuestionState =
  | { status: "open" | "sending"; error?: string }
  | { status: "saved"; shown: string }
  /** Answered before this page knew it (a reload, another tab): what was chosen shows in the results. */
  | { status: "answered"; note?: string };

export type AnswerHandler = (answer: unknown, shown: string) => void;

type Props = { q: PublicQuestion; state: QuestionState; locked: boolean; onAnswer: AnswerHandler };

const errorText = "mt-2 text-sm text-red-700 dark:text-red-300";
const moveButton =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

function Problem({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className={errorText}>
      {text}
    </p>
  ) : null;
}

function ConfirmButton({ sending, children }: { sending: boolean; children: string }) {
  return (
    <Button type="submit" className="mt-3" disabled={sending}>
      {sending ? "Saving…" : children}
    </Button>
  );
}

function Unreadable() {
  return <p className={errorText}>This question could not be shown. Please reload the page.</p>;
}

/** Multiple choice: one click (or key 1–4, handled by the runner) answers, as in Kahoot. */
export function McqQuestion({ q, state, locked, onAnswer }: Props) {
  const uid = useId();
  const payload = mcqPayloadSchema.safeParse(q.payload);
  if (!payload.success) return <Unreadable />;
  const { options } = payload.data;
  const error = "error" in state ? state.error : undefined;
  const sending = state.status === "sending";

  return (
    <fieldset disabled={locked || sending} aria-describedby={error ? `${uid}-error` : `${uid}-hint`}>
      <legend className="text-lg font-medium leading-snug">{q.prompt}</legend>
      <p id={`${uid}-hint`} className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        Choose one answer: a click or its number key answers at once.
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((text, i) => (
          <button
            key={i}
            type="button"
            data-choice={i}
            aria-keyshortcuts={String(i + 1)}
            onClick={() => onAnswer({ choice: i }, text)}
            className="flex min-h-14 items-start gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-left hover:border-sky-700 hover:bg-sky-50 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:hover:border-sky-400 dark:hover:bg-slate-800"
          >
            <kbd aria-hidden className="rounded border border-current px-1.5 font-sans text-xs text-slate-600 dark:text-slate-300">
              {i + 1}
            </kbd>
            <span>{text}</span>
          </button>
        ))}
      </div>
      {sending && <p className="mt-2 text-sm">Saving…</p>}
      <Problem id={`${uid}-error`} text={error} />
    </fieldset>
  );
}

export function TypedYearQuestion({ q, state, locked, onAnswer }: Props) {
  const uid = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string>();
  const error = problem ?? ("error" in state ? state.error : undefined);
  const sending = state.status === "sending";

  function confirm(e: React.FormEvent) {
    e.preventDefault();
    // Only the form of the answer is checked here (a typo would cost the one answer);
    // whether it is right is the server's business.
    if (parseYear(text) === null) {
      setProblem(text.trim() === "" ? "Type a year first, for example 1922." : "Type just the year in digits, for example 1922 (“AD” may follow).");
      document.getElementById(`${uid}-year`)?.focus();
      return;
    }
    setProblem(undefined);
    onAnswer({ text }, text.trim());
  }

  return (
    <form onSubmit={confirm} noValidate>
      <p id={`${uid}-prompt`} className="mb-3 text-lg font-medium leading-snug">
        {q.prompt}
      </p>
      <div className="max-w-48">
        <Field
          label="Year"
          id={`${uid}-year`}
          name="year"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={locked || sending}
          error={error}
          aria-describedby={[`${uid}-prompt`, error ? `${uid}-year-error` : ""].filter(Boolean).join(" ")}
        />
      </div>
      {!locked && <ConfirmButton sending={sending}>Answer</ConfirmButton>}
    </form>
  );
}

export function ChronologyQuestion({ q, state, locked, onAnswer }: Props) {
  const uid = useId();
  const payload = chronologyPayloadSchema.safeParse(q.payload);
  const [order, setOrder] = useState(() => (payload.success ? payload.data.items : []));
  const [moved, setMoved] = useState("");
  const list = useRef<HTMLOListElement>(null);
  if (!payload.success) return <Unreadable />;
  const error = "error" in state ? state.error : undefined;
  const sending = state.status === "sending";
  const disabled = locked || sending;

  function move(index: number, delta: -1 | 1) {
    const item = order[index]!;
    const next = moveItem(order, index, delta);
    const to = next.indexOf(item);
    setOrder(next);
    setMoved(`“${item.label}” moved to position ${to + 1} of ${next.length}.`);
    // Keep focus on the moved item; at either end its button in that direction is
    // disabled, so focus goes to the other one.
    requestAnimationFrame(() => {
      const row = list.current?.querySelector<HTMLLIElement>(`li[data-item-id="${CSS.escape(item.id)}"]`);
      const wanted = row?.querySelector<HTMLButtonElement>(`button[data-move="${delta < 0 ? "up" : "down"}"]`);
      const other = row?.querySelector<HTMLButtonElement>(`button[data-move="${delta < 0 ? "down" : "up"}"]`);
      (wanted && !wanted.disabled ? wanted : other)?.focus();
    });
  }

  function confirm(e: React.FormEvent) {
    e.preventDefault();
    onAnswer({ order: order.map((i) => i.id) }, order.map((i) => i.label).join(" → "));
  }

  return (
    <form onSubmit={confirm} noValidate aria-describedby={error ? `${uid}-error` : undefined}>
      <p id={`${uid}-prompt`} className="text-lg font-medium leading-snug">
        {q.prompt}
      </p>
      <p id={`${uid}-hint`} className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        Earliest at the top. Use the Up and Down buttons to move an event.
      </p>
      <ol ref={list} aria-labelledby={`${uid}-prompt`} aria-describedby={`${uid}-hint`} className="flex flex-col gap-2">
        {order.map((item, i) => (
          <li key={item.id} data-item-id={item.id} className="flex items-center gap-3 rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
            <span aria-hidden className="w-5 text-right font-semibold text-slate-600 dark:text-slate-300">
              {i + 1}.
            </span>
            <span className="flex-1">{item.label}</span>
            <span className="flex gap-1">
              <button type="button" data-move="up" className={moveButton} disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label={`Move “${item.label}” up`}>
                <span aria-hidden>↑</span> Up
              </button>
              <button type="button" data-move="down" className={moveButton} disabled={disabled || i === order.length - 1} onClick={() => move(i, 1)} aria-label={`Move “${item.label}” down`}>
                <span aria-hidden>↓</span> Down
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {moved}
      </p>
      <Problem id={`${uid}-error`} text={error} />
      {!locked && <ConfirmButton sending={sending}>Confirm order</ConfirmButton>}
    </form>
  );
}

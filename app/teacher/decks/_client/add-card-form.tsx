"use client";

// "Add a card" by hand: a date, the parties to something, a term, or a plain front/back.
// Checked with the API's own schema before it is added, so the teacher sees the problem
// at once; the server checks again when the deck is saved.
import { useState } from "react";
import { cardInputSchema, type CardInput } from "@/lib/api/authoring";
import { describeZodError } from "@/lib/api/errors";
import { Alert, Button, Field, SelectField } from "../../../_components/ui";
import { KIND_LABEL } from "./labels";

type Kind = CardInput["kind"];
const EMPTY = { subject: "", prompt: "", answer: "", year: "", month: "", day: "", parties: "" };

/** A number where the text is one; otherwise undefined (empty) or the text, so the server names the problem. */
const num = (s: string) => (s.trim() === "" ? undefined : Number.isInteger(Number(s)) ? Number(s) : s);

function toCard(kind: Kind, v: typeof EMPTY) {
  switch (kind) {
    case "DATE":
      return { kind, subject: v.subject, prompt: v.prompt, answer: v.answer, date: { year: num(v.year), month: num(v.month), day: num(v.day) } };
    case "PARTIES":
      return { kind, subject: v.subject, prompt: v.prompt, answer: v.answer, parties: v.parties.split("\n").map((p) => p.trim()).filter(Boolean) };
    case "TERM":
      return { kind, subject: v.subject, prompt: v.prompt, answer: v.answer };
    case "BASIC":
      return { kind, prompt: v.prompt, answer: v.answer };
  }
}

export function AddCardForm({ idPrefix, onAdd, busy }: { idPrefix: string; onAdd: (card: CardInput) => Promise<boolean> | boolean; busy?: boolean }) {
  const [kind, setKind] = useState<Kind>("BASIC");
  const [v, setV] = useState(EMPTY);
  const [error, setError] = useState<string>();
  const input = (key: keyof typeof EMPTY) => ({ id: `${idPrefix}-${key}`, name: key, value: v[key], onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV({ ...v, [key]: e.target.value }) });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = cardInputSchema.safeParse(toCard(kind, v));
    if (!parsed.success) {
      setError(describeZodError(parsed.error));
      return;
    }
    setError(undefined);
    if (await onAdd(parsed.data)) setV(EMPTY);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a card">
      {error && <Alert>Not added: {error}</Alert>}
      <SelectField label="Kind of card" id={`${idPrefix}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
          <option key={k} value={k}>{KIND_LABEL[k]}</option>
        ))}
      </SelectField>
      {kind !== "BASIC" && <Field label={kind === "TERM" ? "Term" : "Subject (what the card is about)"} {...input("subject")} />}
      <Field label={kind === "BASIC" ? "Front" : "Question"} {...input("prompt")} />
      <Field label={kind === "BASIC" ? "Back" : kind === "TERM" ? "Definition" : "Answer"} {...input("answer")} />
      {kind === "DATE" && (
        <div className="grid grid-cols-3 gap-3">
          <Field label="Year" inputMode="numeric" {...input("year")} />
          <Field label="Month (1–12, optional)" inputMode="numeric" {...input("month")} />
          <Field label="Day (optional)" inputMode="numeric" {...input("day")} />
        </div>
      )}
      {kind === "PARTIES" && (
        <div className="mb-3">
          <label htmlFor={`${idPrefix}-parties`} className="mb-1 block text-sm font-medium">Parties (one per line)</label>
          <textarea rows={3} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100" {...input("parties")} />
        </div>
      )}
      <Button type="submit" disabled={busy}>Add card</Button>
    </form>
  );
}

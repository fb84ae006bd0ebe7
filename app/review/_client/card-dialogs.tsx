"use client";

// The review screen's card dialogs (card info, report a problem), loaded only when one is
// opened so they add nothing to the page's first load (issue 15's bundle budget).
import { useId, useState, type FormEvent } from "react";
import { callApi } from "../../_components/api-call";
import { CardInfo } from "../../_components/card-info";
import { NativeDialog } from "../../_components/native-dialog";
import { FLAG_NOTE_MAX, FLAG_REASON_LABEL, FLAG_REASONS, type FlagReason } from "@/lib/api/flag-reasons";

export type CardDialogKind = "info" | "flag";

const HINT: Record<FlagReason, string> = {
  "wrong-fact": "The answer or date is not what the source says, or is simply wrong.",
  "bad-wording": "The question is unclear, ambiguous or badly phrased.",
  other: "Anything else: say what in the box below.",
};

function FlagForm({ cardId, onDone }: { cardId: string; onDone(message: string): void }) {
  const [reason, setReason] = useState<FlagReason>("wrong-fact");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const noteId = useId();
  const noteHelp = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    const res = await callApi(`/api/cards/${encodeURIComponent(cardId)}/flag`, "POST", { reason, note });
    setSending(false);
    if (!res.ok) return setError(res.fields.note ?? res.message);
    onDone("Thank you: your report was sent to whoever looks after this deck.");
  };
  const noteMissing = reason === "other" && note.trim() === "";
  return (
    <form onSubmit={submit} className="space-y-3 text-sm" noValidate>
      <fieldset>
        <legend className="mb-1 font-medium">What is wrong with this card?</legend>
        {FLAG_REASONS.map((r) => (
          <label key={r} className="flex items-start gap-2 py-1">
            <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} className="mt-1" />
            <span>
              <span className="font-medium">{FLAG_REASON_LABEL[r]}</span>
              <span className="block text-slate-700 dark:text-slate-300">{HINT[r]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={noteId} className="mb-1 block font-medium">
          Details {reason === "other" ? "(required)" : "(optional)"}
        </label>
        <textarea
          id={noteId}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={FLAG_NOTE_MAX}
          rows={3}
          aria-describedby={noteHelp}
          aria-invalid={error !== null || undefined}
          className={`w-full rounded-md border bg-white px-3 py-2 dark:bg-slate-900 ${error ? "border-red-600" : "border-slate-300 dark:border-slate-600"}`}
        />
        <p id={noteHelp} className="text-xs text-slate-700 dark:text-slate-300">
          {note.length} of {FLAG_NOTE_MAX} characters
        </p>
      </div>
      {error && <p role="alert" className="text-red-700 dark:text-red-300">{error}</p>}
      <button type="submit" disabled={sending || noteMissing} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">
        {sending ? "Sending…" : "Send report"}
      </button>
    </form>
  );
}

export default function CardDialog({ kind, cardId, onClose, onFlagged, returnFocus }: {
  kind: CardDialogKind; cardId: string; onClose(): void; onFlagged(message: string): void; returnFocus?: () => HTMLElement | null | undefined;
}) {
  return (
    <NativeDialog title={kind === "info" ? "Card info" : "Report a problem with this card"} onClose={onClose} returnFocus={returnFocus}>
      {kind === "info" ? <CardInfo cardId={cardId} /> : <FlagForm cardId={cardId} onDone={(m) => { onFlagged(m); onClose(); }} />}
    </NativeDialog>
  );
}

"use client";

// Import a document: paste or upload → preview (every proposed card with a checkbox and
// editable wording, how sure the extractor is, conflicting dates, the skipped passages
// with their reasons, the dates that made no card) → save a draft deck.
// Everything shown is text: React escapes it, so imported markup never runs.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { proposedCardInput, type CardInput, type ImportPreview, type ProposedCard } from "@/lib/api/authoring";
import { Alert, Button, Card, Field, SecondaryButton } from "../../../_components/ui";
import { AddCardForm } from "./add-card-form";
import { sendFile, sendJson } from "./api";
import { KIND_LABEL, SKIP_REASON, cardCount, confidenceLabel, isSuggestion } from "./labels";
import { DateInExcerpt, QuoteInContext } from "./quote";

type Row = { card: ProposedCard | CardInput; key: string; include: boolean };

/** The card as the API takes it: the preview's display fields dropped. */
const toInput = (card: ProposedCard | CardInput): CardInput => ("key" in card ? proposedCardInput(card) : card);

function Elapsed() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{seconds > 0 ? ` ${seconds} s` : ""}</>;
}

function SourceStep({ onPreview }: { onPreview: (p: ImportPreview) => void }) {
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file && !text.trim()) {
      setError("Paste some text or choose a file first.");
      return;
    }
    setBusy(true);
    setError(undefined);
    const res = file ? await sendFile<{ preview: ImportPreview }>("/api/decks/import/preview", file) : await sendJson<{ preview: ImportPreview }>("/api/decks/import/preview", "POST", { name: "Pasted text", text });
    setBusy(false);
    if (res.ok) onPreview(res.data.preview);
    else setError(res.message);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="source-heading">
      <h2 id="source-heading" className="mb-2 text-lg font-semibold">1. The document</h2>
      {error && <Alert>{error}</Alert>}
      <div className="mb-3">
        <label htmlFor="import-file" className="mb-1 block text-sm font-medium">Upload a .txt or .md file (up to 1 MB)</label>
        <input id="import-file" type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block text-sm" />
      </div>
      <div className="mb-3">
        <label htmlFor="import-text" className="mb-1 block text-sm font-medium">Or paste the text</label>
        <textarea id="import-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} disabled={file !== null} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100" />
      </div>
      <Button type="submit" disabled={busy}>{busy ? "Extracting cards…" : "Preview cards"}</Button>
      {busy && <progress aria-labelledby="reading-status" className="mt-3 block h-2 w-full max-w-md accent-sky-700" />}
      {/* Always rendered, so screen readers know the live region before it speaks. The seconds
          are hidden from them: announcing every tick would drown out everything else. */}
      <p id="reading-status" role="status" className="mt-2 text-sm">
        {busy && (
          <>
            Reading the document…<span aria-hidden="true"><Elapsed /></span>
          </>
        )}
      </p>
    </form>
  );
}

function ProposedCardItem({ row, index, text, onChange }: { row: Row; index: number; text: string; onChange: (r: Row) => void }) {
  const c = row.card;
  const n = index + 1;
  const set = (patch: Partial<CardInput>) => onChange({ ...row, card: { ...c, ...patch } as Row["card"] });
  const proposed = "key" in c ? c : null;
  const suggestion = proposed !== null && isSuggestion(proposed.confidence);
  return (
    <li>
      {/* Unticked cards are not dimmed: suggestions start unticked, and dimmed text fails contrast. */}
      <Card className={suggestion ? "border-dashed" : ""}>
        <div className="flex items-start gap-3">
          <input
            id={`include-${n}`}
            type="checkbox"
            checked={row.include}
            onChange={(e) => onChange({ ...row, include: e.target.checked })}
            aria-describedby={proposed ? `confidence-${n}` : undefined}
            className="mt-1 h-5 w-5"
          />
          <div className="min-w-0 flex-1">
            <label htmlFor={`include-${n}`} className="text-sm font-semibold">
              Include card {n} <span className="font-normal text-slate-700 dark:text-slate-300">· {KIND_LABEL[c.kind]}{"subject" in c ? ` · ${c.subject}` : ""}</span>
            </label>
            {proposed && (
              <p id={`confidence-${n}`} className="mt-1 text-sm">
                {suggestion ? (
                  <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-50">Suggestion · {confidenceLabel(proposed.confidence)}</span>
                ) : (
                  <span className="text-green-800 dark:text-green-300">{confidenceLabel(proposed.confidence)}</span>
                )}
                {proposed.conflict && <span className="mt-1 block font-medium text-amber-900 dark:text-amber-200">Conflicting dates: {proposed.conflict}</span>}
              </p>
            )}
            <div className="mt-2 grid gap-x-4 sm:grid-cols-2">
              <Field label={`Question of card ${n}`} id={`prompt-${n}`} value={c.prompt} onChange={(e) => set({ prompt: e.target.value })} />
              <Field label={`Answer of card ${n}`} id={`answer-${n}`} value={c.answer} onChange={(e) => set({ answer: e.target.value })} />
            </div>
            {proposed ? <QuoteInContext text={text} start={proposed.start} end={proposed.end} quote={proposed.quote} citation={proposed.citation} /> : <p className="text-sm text-slate-700 dark:text-slate-300">Added by hand</p>}
          </div>
        </div>
      </Card>
    </li>
  );
}

function PreviewStep({ preview, onBack }: { preview: ImportPreview; onBack: () => void }) {
  const router = useRouter();
  const [title, setTitle] = useState(preview.document.title);
  const [rows, setRows] = useState<Row[]>(() => preview.cards.map((c) => ({ card: c, key: c.key, include: c.selected })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const chosen = rows.filter((r) => r.include);
  const suggestions = preview.cards.filter((c) => isSuggestion(c.confidence)).length;

  async function save() {
    setBusy(true);
    setError(undefined);
    const res = await sendJson<{ deck: { id: string } }>("/api/decks", "POST", {
      title,
      document: { name: preview.document.name, text: preview.document.text },
      cards: chosen.map((r) => toInput(r.card)),
    });
    if (!res.ok) {
      setBusy(false);
      setError(res.message);
      return;
    }
    router.push(`/teacher/decks/${res.data.deck.id}`);
  }

  return (
    <div>
      <p className="mb-3 text-sm">
        {preview.document.name}: {preview.cards.length} proposed cards ({suggestions} to check), {preview.skipped.length} passages skipped,{" "}
        {preview.unusedDates.length} dates not used (extracted in {preview.elapsedMs} ms).{" "}
        <SecondaryButton type="button" onClick={onBack}>Start again</SecondaryButton>
      </p>
      <section aria-labelledby="cards-heading" className="mb-6">
        <h2 id="cards-heading" className="mb-2 text-lg font-semibold">2. Choose and edit the cards</h2>
        {rows.length === 0 && <p>The extractor found no cards in this document. Add your own below.</p>}
        {suggestions > 0 && (
          <p className="mb-2 text-sm">Cards marked &ldquo;Check this card&rdquo; are suggestions the extractor is unsure of: they start unticked.</p>
        )}
        {preview.conflicts.length > 0 && (
          <div className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <p className="font-medium">The document gives different dates for:</p>
            <ul className="list-disc pl-5">
              {preview.conflicts.map((c) => (
                <li key={c.subject}>
                  {c.subject}: {c.answers.join(" or ")}
                </li>
              ))}
            </ul>
            <p>Their cards start unticked: tick the right one.</p>
          </div>
        )}
        <ol className="space-y-3">
          {rows.map((r, i) => (
            <ProposedCardItem key={r.key} row={r} index={i} text={preview.document.text} onChange={(next) => setRows(rows.map((x) => (x.key === r.key ? next : x)))} />
          ))}
        </ol>
      </section>
      {preview.skipped.length > 0 && (
        <section aria-labelledby="skipped-heading" className="mb-6">
          <h2 id="skipped-heading" className="mb-2 text-lg font-semibold">Skipped passages</h2>
          <ul className="space-y-2 text-sm">
            {preview.skipped.map((s) => (
              <li key={`${s.start}-${s.end}`} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
                <strong>{SKIP_REASON[s.reason]}</strong> ({s.detail}): <span className="whitespace-pre-wrap">{s.excerpt}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.unusedDates.length > 0 && (
        <section aria-labelledby="unused-heading" className="mb-6">
          <h2 id="unused-heading" className="mb-2 text-lg font-semibold">Dates not used</h2>
          <p className="mb-2 text-sm">These dates made no card. Add one by hand below if it matters.</p>
          <ul className="space-y-2 text-sm">
            {preview.unusedDates.map((d) => (
              <li key={`${d.start}-${d.end}`} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
                <DateInExcerpt date={d} text={preview.document.text} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="add-heading" className="mb-6">
        <h2 id="add-heading" className="mb-2 text-lg font-semibold">Add a card by hand</h2>
        <Card>
          <AddCardForm idPrefix="new" onAdd={(card) => (setRows([...rows, { card, key: `hand-${rows.length}-${Date.now()}`, include: true }]), true)} />
        </Card>
      </section>
      <section aria-labelledby="save-heading">
        <h2 id="save-heading" className="mb-2 text-lg font-semibold">3. Save the draft</h2>
        {error && <Alert>Not saved: {error}</Alert>}
        <Field label="Deck title" id="deck-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <Button type="button" onClick={save} disabled={busy || chosen.length === 0}>
          {busy ? "Saving…" : `Save draft (${cardCount(chosen.length)})`}
        </Button>
      </section>
    </div>
  );
}

export function ImportWizard() {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  return preview ? <PreviewStep preview={preview} onBack={() => setPreview(null)} /> : <SourceStep onPreview={setPreview} />;
}

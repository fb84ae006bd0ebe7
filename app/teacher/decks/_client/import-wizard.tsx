"use client";

// Import a document: paste or upload → preview (every proposed card with a checkbox and
// editable wording, the skipped passages with their reasons) → save a draft deck.
// Everything shown is text: React escapes it, so imported markup never runs.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { CardInput, ImportPreview, ProposedCard } from "@/lib/api/authoring";
import { Alert, Button, Card, Field, SecondaryButton } from "../../../_components/ui";
import { AddCardForm } from "./add-card-form";
import { sendFile, sendJson } from "./api";
import { KIND_LABEL, SKIP_REASON, cardCount } from "./labels";
import { QuoteInContext } from "./quote";

type Row = { card: ProposedCard | CardInput; key: string; include: boolean };

/** The card as the API takes it: the preview's display fields dropped. */
function toInput(card: ProposedCard | CardInput): CardInput {
  if (!("key" in card)) return card;
  const { key: _key, quote: _quote, citation, ...rest } = card;
  return { ...rest, ...(citation ? { citation } : {}) };
}

function Elapsed() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{seconds > 0 ? ` (${seconds} s)` : ""}</>;
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
      <p role="status" className="mt-2 text-sm">{busy && <>Reading the document and extracting cards<Elapsed /></>}</p>
    </form>
  );
}

function ProposedCardItem({ row, index, text, onChange }: { row: Row; index: number; text: string; onChange: (r: Row) => void }) {
  const c = row.card;
  const n = index + 1;
  const set = (patch: Partial<CardInput>) => onChange({ ...row, card: { ...c, ...patch } as Row["card"] });
  const hasQuote = "key" in c;
  return (
    <li>
      <Card className={row.include ? "" : "opacity-70"}>
        <div className="flex items-start gap-3">
          <input id={`include-${n}`} type="checkbox" checked={row.include} onChange={(e) => onChange({ ...row, include: e.target.checked })} className="mt-1 h-5 w-5" />
          <div className="min-w-0 flex-1">
            <label htmlFor={`include-${n}`} className="text-sm font-semibold">
              Include card {n} <span className="font-normal text-slate-700 dark:text-slate-300">· {KIND_LABEL[c.kind]}{"subject" in c ? ` · ${c.subject}` : ""}</span>
            </label>
            <div className="mt-2 grid gap-x-4 sm:grid-cols-2">
              <Field label={`Question of card ${n}`} id={`prompt-${n}`} value={c.prompt} onChange={(e) => set({ prompt: e.target.value })} />
              <Field label={`Answer of card ${n}`} id={`answer-${n}`} value={c.answer} onChange={(e) => set({ answer: e.target.value })} />
            </div>
            {hasQuote ? <QuoteInContext text={text} start={c.start} end={c.end} quote={c.quote} citation={c.citation} /> : <p className="text-sm text-slate-700 dark:text-slate-300">Added by hand</p>}
          </div>
        </div>
      </Card>
    </li>
  );
}

function PreviewStep({ preview, onBack }: { preview: ImportPreview; onBack: () => void }) {
  const router = useRouter();
  const [title, setTitle] = useState(preview.document.title);
  const [rows, setRows] = useState<Row[]>(() => preview.cards.map((c) => ({ card: c, key: c.key, include: true })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const chosen = rows.filter((r) => r.include);

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
        {preview.document.name}: {preview.cards.length} proposed cards, {preview.skipped.length} passages skipped (extracted in {preview.elapsedMs} ms).{" "}
        <SecondaryButton type="button" onClick={onBack}>Start again</SecondaryButton>
      </p>
      <section aria-labelledby="cards-heading" className="mb-6">
        <h2 id="cards-heading" className="mb-2 text-lg font-semibold">2. Choose and edit the cards</h2>
        {rows.length === 0 && <p>The extractor found no cards in this document. Add your own below.</p>}
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

"use client";

// Import cards from a CSV file (front, back, kind, source quote, citation): a preview
// that lists bad rows by line number, then the good rows go into a new draft deck or
// into the deck being edited.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CardInput, CsvPreview } from "@/lib/api/authoring";
import { Alert, Button, Field } from "../../../_components/ui";
import { sendFile, sendJson } from "./api";
import { cardCount } from "./labels";

type Target = { deckId: string } | { newDeck: true };

export function CsvImport({ target }: { target: Target }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function check(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError("Choose a CSV file first.");
    setBusy(true);
    setError(undefined);
    const res = await sendFile<{ preview: CsvPreview }>("/api/decks/import/csv/preview", file);
    setBusy(false);
    if (res.ok) {
      setPreview(res.data.preview);
      setTitle(file.name.replace(/\.csv$/i, ""));
    } else setError(res.message);
  }

  async function save() {
    if (!preview) return;
    setBusy(true);
    setError(undefined);
    const cards: CardInput[] = preview.cards.map(({ line: _line, ...c }) => c);
    const res =
      "deckId" in target
        ? await sendJson(`/api/decks/${target.deckId}/cards`, "POST", { cards })
        : await sendJson<{ deck: { id: string } }>("/api/decks", "POST", { title, cards });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setPreview(null);
    setFile(null);
    if ("deckId" in target) router.refresh();
    else router.push(`/teacher/decks/${(res.data as { deck: { id: string } }).deck.id}`);
  }

  return (
    <div>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={check} noValidate className="mb-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="csv-file" className="mb-1 block text-sm font-medium">CSV file (columns front, back, kind, source quote, citation)</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} className="block text-sm" />
        </div>
        <Button type="submit" disabled={busy}>Check CSV</Button>
      </form>
      {preview && (
        <div role="status" className="text-sm">
          <p className="mb-2">{preview.cards.length} rows are good{preview.errors.length ? `; ${preview.errors.length} rows cannot be used:` : "."}</p>
          {preview.errors.length > 0 && (
            <ul className="mb-3 list-disc pl-5">
              {preview.errors.map((e) => (
                <li key={e.line}>Line {e.line}: {e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview && preview.cards.length > 0 && (
        <div>
          {!("deckId" in target) && <Field label="Deck title" id="csv-title" value={title} onChange={(e) => setTitle(e.target.value)} />}
          <Button type="button" onClick={save} disabled={busy}>
            {"deckId" in target ? `Add ${cardCount(preview.cards.length)}` : `Save draft (${cardCount(preview.cards.length)})`}
          </Button>
        </div>
      )}
    </div>
  );
}

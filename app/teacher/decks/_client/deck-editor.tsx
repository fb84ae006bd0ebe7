"use client";

// Editing a teacher's deck at any time: rename, publish, change a card's wording (its id
// stays, so learners keep their progress), retire a card, add cards by hand or from CSV,
// export. Each action is one API call; the page refreshes from the server afterwards.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CardInput } from "@/lib/api/authoring";
import { Alert, Button, Card, Field, SecondaryButton, textLink } from "../../../_components/ui";
import { AddCardForm } from "./add-card-form";
import { sendJson } from "./api";
import { CsvImport } from "./csv-import";
import { KIND_LABEL } from "./labels";
import { QuoteInContext } from "./quote";

export type EditorCard = { id: string; kind: CardInput["kind"]; subject: string; prompt: string; answer: string; quote: string; start: number; end: number; citation: string | null };
export type EditorDeck = { id: string; title: string; status: "DRAFT" | "PUBLISHED"; sourceText: string | null; cards: EditorCard[]; retired: EditorCard[] };

/** One call, its error shown in place, the page refreshed on success. */
function useAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function run(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    const res = await sendJson(url, method, body);
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return false;
    }
    router.refresh();
    return true;
  }
  return { busy, error, run };
}

function DeckHeader({ deck }: { deck: EditorDeck }) {
  const [title, setTitle] = useState(deck.title);
  const { busy, error, run } = useAction();
  return (
    <Card className="mb-6">
      {error && <Alert>{error}</Alert>}
      <p className="mb-2 text-sm">
        Status: <strong>{deck.status === "DRAFT" ? "Draft (not assignable yet)" : "Published"}</strong>
      </p>
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); void run(`/api/decks/${deck.id}`, "PATCH", { title }); }}>
        <div className="min-w-64 flex-1">
          <Field label="Deck title" id="deck-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <SecondaryButton type="submit" className="mb-3" disabled={busy || title === deck.title}>Rename</SecondaryButton>
      </form>
      <div className="flex flex-wrap items-center gap-3">
        {deck.status === "DRAFT" ? (
          <Button type="button" disabled={busy} onClick={() => void run(`/api/decks/${deck.id}`, "PATCH", { status: "PUBLISHED" })}>Publish</Button>
        ) : (
          <p className="text-sm">
            Assign it from a class on the <Link className={textLink} href="/teacher">Teaching</Link> page.
          </p>
        )}
        <a className={textLink} href={`/api/decks/${deck.id}/export.csv`} download>Export CSV</a>
        <a className={textLink} href={`/api/decks/${deck.id}/export.apkg`} download>Export for Anki (.apkg)</a>
        <Link className={textLink} href={`/decks/${deck.id}`}>View as a learner</Link>
      </div>
    </Card>
  );
}

function CardItem({ deck, card, n }: { deck: EditorDeck; card: EditorCard; n: number }) {
  const [prompt, setPrompt] = useState(card.prompt);
  const [answer, setAnswer] = useState(card.answer);
  const { busy, error, run } = useAction();
  const url = `/api/decks/${deck.id}/cards/${card.id}`;
  const changed = prompt !== card.prompt || answer !== card.answer;
  return (
    <li>
      <Card>
        <form onSubmit={(e) => { e.preventDefault(); void run(url, "PATCH", { prompt, answer }); }} aria-label={`Card ${n}`}>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{n}. {KIND_LABEL[card.kind]}{card.kind === "BASIC" ? "" : ` · ${card.subject}`}</p>
          {error && <Alert>{error}</Alert>}
          <div className="mt-2 grid gap-x-4 sm:grid-cols-2">
            <Field label={`Question of card ${n}`} id={`prompt-${card.id}`} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
            <Field label={`Answer of card ${n}`} id={`answer-${card.id}`} value={answer} onChange={(e) => setAnswer(e.target.value)} />
          </div>
          <QuoteInContext text={deck.sourceText} start={card.start} end={card.end} quote={card.quote} citation={card.citation} />
          <div className="mt-3 flex gap-2">
            <Button type="submit" disabled={busy || !changed}>Save card {n}</Button>
            <SecondaryButton type="button" disabled={busy} onClick={() => void run(url, "DELETE")}>Retire card {n}</SecondaryButton>
          </div>
        </form>
      </Card>
    </li>
  );
}

export function DeckEditor({ deck }: { deck: EditorDeck }) {
  const add = useAction();
  return (
    <div>
      <DeckHeader deck={deck} />
      <section aria-labelledby="cards-heading" className="mb-6">
        <h2 id="cards-heading" className="mb-2 text-lg font-semibold">Cards ({deck.cards.length})</h2>
        <ol className="space-y-3">
          {deck.cards.map((c, i) => (
            <CardItem key={`${c.id}-${c.prompt}-${c.answer}`} deck={deck} card={c} n={i + 1} />
          ))}
        </ol>
        {deck.retired.length > 0 && (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">Retired cards ({deck.retired.length}): hidden from learners, their history kept</summary>
            <ul className="mt-2 list-disc pl-5 text-sm">
              {deck.retired.map((c) => (
                <li key={c.id}>{c.prompt} — {c.answer}</li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <section aria-labelledby="add-heading" className="mb-6">
        <h2 id="add-heading" className="mb-2 text-lg font-semibold">Add a card</h2>
        <Card>
          {add.error && <Alert>Not added: {add.error}</Alert>}
          <AddCardForm idPrefix="add" busy={add.busy} onAdd={(card) => add.run(`/api/decks/${deck.id}/cards`, "POST", { cards: [card] })} />
        </Card>
      </section>
      <section aria-labelledby="csv-heading">
        <h2 id="csv-heading" className="mb-2 text-lg font-semibold">Add cards from CSV</h2>
        <Card>
          <CsvImport target={{ deckId: deck.id }} />
        </Card>
      </section>
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { getDeck } from "@/lib/decks/store";
import { quoteInContext } from "@/lib/decks/context";
import { runningAssignedQuiz } from "@/lib/quiz/running";
import { pageOf, searchCards } from "@/lib/decks/card-list";
import { splitFootnotes } from "@/lib/decks/footnotes";
import { suspendedCards } from "@/lib/review/controls-store";
import { CardInfoButton, UnsuspendButton } from "../_client/card-actions";
import { QuizRunningNotice } from "../../_components/quiz-running-notice";
import { Card, PageTitle, buttonLink } from "../../_components/ui";

const KIND_LABEL = { DATE: "Date", PARTIES: "Parties", TERM: "Term", BASIC: "Card" } as const;

const secondaryLink =
  "inline-block rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

/** A quote with its footnote markers as links to the card's citation (plain when there is none). */
function WithFootnotes({ text, citeId, citation }: { text: string; citeId: string; citation: string | null }) {
  return (
    <>
      {splitFootnotes(text).map((part, i) =>
        "text" in part ? (
          part.text
        ) : citation ? (
          <a key={i} href={`#${citeId}`} className="text-sky-800 underline dark:text-sky-300" aria-label={`Footnote ${part.marker}: see the citation`}>
            <sup>[{part.marker}]</sup>
          </a>
        ) : (
          <sup key={i}>[{part.marker}]</sup>
        ),
      )}
    </>
  );
}

type Search = { q?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function DeckPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await pageUser();
  const id = z.uuid().safeParse((await params).id);
  const deck = id.success ? await getDeck(prisma(), user, id.data) : null;
  if (!deck) notFound();
  // The student's assigned quiz on this deck is running: its answers stay hidden until it ends.
  const running = await runningAssignedQuiz(prisma(), user.id, deck.id);
  if (running) {
    return (
      <div>
        <PageTitle>{deck.title}</PageTitle>
        <QuizRunningNotice attemptId={running.attemptId} />
      </div>
    );
  }
  const search = await searchParams;
  const { cards: suspended } = await suspendedCards(prisma(), user.id, deck.id);
  const suspendedIds = new Set(suspended.map((c) => c.cardId));
  const query = one(search.q).trim().slice(0, 200);
  const found = searchCards(deck.cards, query);
  const shown = pageOf(found, Number.parseInt(one(search.page), 10));
  const href = (page: number) => `/decks/${deck.id}?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;
  return (
    <div>
      <PageTitle>{deck.title}</PageTitle>
      <p className="mb-4 flex flex-wrap gap-3">
        <Link className={buttonLink} href={`/review?deck=${deck.id}`}>
          Study this deck
        </Link>
        <Link className={secondaryLink} href={`/quiz?deck=${deck.id}`}>
          Quiz me
        </Link>
      </p>
      {deck.source && (
        <Card className="mb-4">
          <h2 className="font-semibold">Source: {deck.source.title}</h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">{deck.source.origin}</p>
          {deck.source.reliability && <p className="mt-2 text-sm">{deck.source.reliability}</p>}
          {deck.source.note && <p className="mt-2 text-sm italic">{deck.source.note}</p>}
        </Card>
      )}
      {suspended.length > 0 && (
        <section aria-labelledby="suspended-title" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
          <h2 id="suspended-title" className="font-semibold">
            Suspended cards ({suspended.length})
          </h2>
          <p className="mb-2 text-sm">They stay out of your reviews until you unsuspend them. A leech is a card you forgot 8 times: it was suspended for you.</p>
          <ul className="space-y-2" data-testid="suspended-list">
            {suspended.map((c) => (
              <li key={c.cardId} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {c.prompt}
                  {c.leech && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950 dark:bg-amber-800 dark:text-amber-50">Leech</span>}
                </span>
                <UnsuspendButton cardId={c.cardId} subject={c.subject} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <form role="search" method="get" action={`/decks/${deck.id}`} className="mb-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="card-search" className="mb-1 block text-sm font-medium">
            Search cards
          </label>
          <input
            id="card-search"
            name="q"
            type="search"
            defaultValue={query}
            className="w-64 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <button type="submit" className={secondaryLink}>
          Search
        </button>
      </form>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300" role="status" data-testid="card-range">
        {found.length === 0
          ? query
            ? `No cards match “${query}”.`
            : "This deck has no cards."
          : `Cards ${shown.first + 1}–${shown.first + shown.items.length} of ${found.length}${query ? ` matching “${query}”` : ""}`}
      </p>
      <ol className="space-y-3" start={shown.first + 1}>
        {shown.items.map((c) => {
          const ctx = deck.source ? quoteInContext(deck.source.text, c.start, c.end) : null;
          const citeId = `cite-${c.id}`;
          const note = (text: string) => <WithFootnotes text={text} citeId={citeId} citation={c.citation} />;
          return (
            <li key={c.id}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
                    {KIND_LABEL[c.kind]} · {c.subject}
                    {suspendedIds.has(c.id) && <span className="ml-2 normal-case tracking-normal">(suspended)</span>}
                  </p>
                  <CardInfoButton cardId={c.id} subject={c.subject} />
                </div>
                <p className="mt-1 font-medium">{c.prompt}</p>
                <p className="mt-1">{c.answer}</p>
                <figure className="mt-3 border-l-4 border-slate-300 pl-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
                  <blockquote>
                    {ctx ? (
                      <>
                        {note(ctx.before)}
                        <mark className="bg-amber-100 text-slate-900 dark:bg-amber-900 dark:text-amber-50">{note(ctx.quote)}</mark>
                        {note(ctx.after)}
                      </>
                    ) : (
                      note(c.quote)
                    )}
                  </blockquote>
                  <figcaption id={citeId} className="mt-1">
                    {c.citation ? `Citation: ${c.citation}` : "No citation in the source"}
                  </figcaption>
                </figure>
              </Card>
            </li>
          );
        })}
      </ol>
      {shown.pages > 1 && (
        <nav aria-label="Card pages" className="mt-4 flex items-center justify-between gap-3">
          {shown.page > 1 ? (
            <Link className={secondaryLink} href={href(shown.page - 1)} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm">
            Page {shown.page} of {shown.pages}
          </span>
          {shown.page < shown.pages ? (
            <Link className={secondaryLink} href={href(shown.page + 1)} rel="next">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}

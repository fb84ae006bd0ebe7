// One card: its front, and once revealed its answer with the provenance behind it (the
// sentence it came from and that sentence's citation), as on the deck page.
import type { QueueItem } from "@/lib/api/review";

const KIND_LABEL = { DATE: "Date", PARTIES: "Parties", TERM: "Term", BASIC: "Card" } as const;
const QUEUE_LABEL = { new: "New", learning: "Learning", review: "Review" } as const;

export function CardView({ item, revealed }: { item: QueueItem; revealed: boolean }) {
  const { card } = item;
  return (
    <article aria-labelledby="card-prompt" data-card-id={item.cardId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
        {KIND_LABEL[card.kind]} · {card.subject}
        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 normal-case tracking-normal text-slate-700 dark:bg-slate-800 dark:text-slate-200">{QUEUE_LABEL[item.queue]}</span>
      </p>
      <h2 id="card-prompt" className="mt-2 text-xl font-medium leading-snug sm:text-2xl">
        {card.prompt}
      </h2>
      {revealed && (
        <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-700">
          <p className="text-lg font-semibold sm:text-xl" data-testid="answer">
            <span className="sr-only">Answer: </span>
            {card.answer}
          </p>
          <figure className="mt-4 border-l-4 border-slate-300 pl-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
            <blockquote>{card.quote}</blockquote>
            <figcaption className="mt-1">{card.citation ? `Citation: ${card.citation}` : "No citation in the source"}</figcaption>
          </figure>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Deck: {card.deckTitle}</p>
        </div>
      )}
    </article>
  );
}

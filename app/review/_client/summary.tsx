// The end of a session (or the lack of one): what was done and what comes tomorrow.
import Link from "next/link";
import { formatDuration } from "@/app/_components/format";

const link = "inline-block rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800";
const cards = (n: number) => (n === 1 ? "1 card" : `${n} cards`);

/** `cards` distinct cards graded, `reviews` grades (relearning steps included), `again` of them Again. */
export function Summary({ cards: cardCount, reviews, again, timeMs, tomorrow }: { cards: number; reviews: number; again: number; timeMs: number; tomorrow: number }) {
  const accuracy = reviews === 0 ? 0 : Math.round(((reviews - again) / reviews) * 100);
  return (
    <section aria-labelledby="summary-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="summary-title" className="text-xl font-semibold">
        Session complete
      </h2>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-5">
        <Stat label="Cards studied" value={String(cardCount)} />
        <Stat label="Reviews" value={String(reviews)} hint="grades, relearning steps included" />
        <Stat label="Accuracy" value={`${accuracy}%`} hint="not Again" />
        <Stat label="Time spent" value={formatDuration(Math.max(0, Math.round(timeMs / 1000)))} />
        <Stat label="Due tomorrow" value={cards(tomorrow)} />
      </dl>
      <p className="mt-5 flex flex-wrap gap-3">
        <Link className={link} href="/decks">
          Back to decks
        </Link>
      </p>
    </section>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600 dark:text-slate-300">
        {label}
        {hint && <span className="sr-only"> ({hint})</span>}
      </dt>
      <dd className="text-2xl font-semibold">{value}</dd>
    </div>
  );
}

export function NothingDue({ tomorrow }: { tomorrow: number }) {
  return (
    <section aria-labelledby="nothing-due" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="nothing-due" className="text-xl font-semibold">
        Nothing due
      </h2>
      <p className="mt-2">You are all caught up. {tomorrow > 0 ? `Tomorrow: ${cards(tomorrow)} will be due.` : "Nothing is scheduled for tomorrow yet."}</p>
      <p className="mt-4">
        <Link className={link} href="/decks">
          Browse decks
        </Link>
      </p>
    </section>
  );
}

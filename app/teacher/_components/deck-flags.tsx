// Learners' reports on a teacher's own deck (GET /api/decks/{id}/flags), on its authoring
// page: anonymous, grouped by card, most reported first, so the teacher can fix the card below.
import type { FlaggedCard } from "@/lib/api/cards";
import { FLAG_REASON_LABEL } from "@/lib/api/flag-reasons";
import { formatDateTime, plural } from "../../_components/format";

export function DeckFlags({ cards, timeZone }: { cards: FlaggedCard[]; timeZone: string }) {
  return (
    <section aria-labelledby="flags-title" className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="flags-title" className="text-lg font-semibold">
        Reported by learners
      </h2>
      {cards.length === 0 ? (
        <p className="text-sm">No learner has reported a problem with a card of this deck.</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {plural(cards.length, "card")} reported, most reports first. Reports are anonymous; edit or retire the card below.
          </p>
          <ul className="space-y-3" data-testid="deck-flags">
            {cards.map((c) => (
              <li key={c.cardId} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
                <p className="font-medium">
                  {c.prompt} {c.retired && <span className="text-sm font-normal">(retired)</span>}
                </p>
                <p className="text-sm">Answer: {c.answer}</p>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {c.reports.map((r, i) => (
                    <li key={i}>
                      <span className="font-medium">{FLAG_REASON_LABEL[r.reason]}</span>
                      {r.note && <>: “{r.note}”</>} <span className="text-slate-600 dark:text-slate-400">({formatDateTime(r.at, timeZone)})</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

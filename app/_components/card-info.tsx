"use client";

// Card info, as in Anki: the card's review history for this learner (date, rating, interval,
// stability, difficulty, the recall predicted at each review) and how it stands now. Read
// from GET /api/cards/{id}/history; shown in a dialog from the review screen and the deck page.
import { useEffect, useState } from "react";
import type { CardHistory } from "@/lib/api/review";
import { intervalLabel } from "@/lib/srs/interval-label";
import { apiCall } from "./api-call";
import { formatDateTime, formatPercent } from "./format";

const RATING = ["", "Again", "Hard", "Good", "Easy"] as const;
const PHASE = ["New", "Learning", "Review", "Relearning"] as const;
const days = (d: number) => `${d < 10 ? d.toFixed(1) : Math.round(d)} days`;

export function CardInfo({ cardId }: { cardId: string }) {
  const [info, setInfo] = useState<CardHistory | { error: string } | null>(null);
  useEffect(() => {
    let alive = true;
    void apiCall(`/api/cards/${encodeURIComponent(cardId)}/history`).then((res) => {
      if (alive) setInfo(res.ok ? (res.data as CardHistory) : { error: res.message });
    });
    return () => {
      alive = false;
    };
  }, [cardId]);

  if (!info) return <p role="status">Loading card info…</p>;
  if ("error" in info) return <p role="alert">Card info could not be loaded: {info.error}</p>;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { current, card } = info;
  const live = info.reviews.filter((r) => !r.undone);
  return (
    <div className="space-y-4 text-sm" data-testid="card-info">
      <div>
        <p className="font-medium">{card.prompt}</p>
        <p>Answer: {card.answer}</p>
        <p className="text-slate-700 dark:text-slate-300">Deck: {card.deckTitle}</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Predicted recall now</dt>
        <dd data-testid="current-recall">{current.state ? formatPercent(current.retrievability) : "Not studied yet"}</dd>
        {current.state && (
          <>
            <dt className="font-medium">State</dt>
            <dd>{PHASE[current.state.state]}, due {formatDateTime(current.state.due, zone)}</dd>
            <dt className="font-medium">Stability</dt>
            <dd>{days(current.state.stability)}</dd>
            <dt className="font-medium">Difficulty</dt>
            <dd>{current.state.difficulty.toFixed(1)} of 10</dd>
            <dt className="font-medium">Reviews, lapses</dt>
            <dd>
              {live.length}, {current.state.lapses}
            </dd>
          </>
        )}
        {(current.suspended || current.buriedUntil || current.leech) && (
          <>
            <dt className="font-medium">Status</dt>
            <dd>
              {[current.leech && "Leech", current.suspended && "Suspended", current.buriedUntil && `Buried until ${formatDateTime(current.buriedUntil, zone)}`].filter(Boolean).join(" · ")}
            </dd>
          </>
        )}
      </dl>
      {info.reviews.length === 0 ? (
        <p>No reviews of this card yet.</p>
      ) : (
        // Focusable, so a keyboard can scroll the table sideways on a phone.
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Review history">
          <table className="w-full text-left">
            <caption className="mb-1 text-left font-medium">Review history, oldest first</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-600">
                <th scope="col" className="py-1 pr-3">Date</th>
                <th scope="col" className="py-1 pr-3">Rating</th>
                <th scope="col" className="py-1 pr-3">Interval</th>
                <th scope="col" className="py-1 pr-3">Stability</th>
                <th scope="col" className="py-1 pr-3">Difficulty</th>
                <th scope="col" className="py-1">Recall then</th>
              </tr>
            </thead>
            <tbody>
              {info.reviews.map((r) => (
                <tr key={r.id} className={`border-b border-slate-200 dark:border-slate-700 ${r.undone ? "text-slate-600 line-through dark:text-slate-400" : ""}`}>
                  <td className="py-1 pr-3">
                    {formatDateTime(r.reviewedAt, zone)}
                    {r.undone && <span className="sr-only"> (undone)</span>}
                  </td>
                  <td className="py-1 pr-3">{RATING[r.rating]}</td>
                  <td className="py-1 pr-3">{intervalLabel(r.interval, Date.parse(r.due) - Date.parse(r.reviewedAt))}</td>
                  <td className="py-1 pr-3">{days(r.stability)}</td>
                  <td className="py-1 pr-3">{r.difficulty.toFixed(1)}</td>
                  <td className="py-1">{r.retrievability === null ? "—" : formatPercent(r.retrievability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {info.reviews.some((r) => r.undone) && <p className="mt-1 text-xs">Struck-through rows were undone.</p>}
        </div>
      )}
    </div>
  );
}

"use client";

// The review screen: composes the session hook with the card, the buttons, progress,
// save status and the end-of-session states.
import { lazy, Suspense, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { DisclosureMenu } from "../../_components/disclosure-menu";
import { Alert, Button } from "../../_components/ui";
import type { CardDialogKind } from "./card-dialogs";
import { CardView } from "./card-view";
import { GradeButtons, RATING_NAME } from "./grade-buttons";
import type { QueueResponse, Rating } from "@/lib/api/review";
import { SaveStatus } from "./save-status";
import { SessionProgress } from "./session-progress";
import { sessionTally, type SessionState } from "./session-state";
import { NothingDue, Summary } from "./summary";
import { useReviewKeys, type CardKeyAction } from "./use-review-keys";
import { useReviewSession } from "./use-review-session";

const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

/** What the screen reader hears after each step (the save state has its own status line). */
function announcement(state: SessionState): string {
  const front = state.queue[0];
  const event = state.event;
  if (!event) return "";
  if (event.kind === "revealed") return front ? `Answer: ${front.card.answer}. Grade it with keys 1 to 4.` : "";
  const next = front ? ` Next card: ${front.card.prompt}` : "";
  if (event.kind === "graded") return `Graded ${RATING_NAME[event.rating]}, back in ${event.label}.${next}`;
  if (event.kind === "shelved") return `Card ${event.action === "suspend" ? "suspended" : "buried until tomorrow"}; U undoes.${next}`;
  return `Undone.${next}`;
}

const noSubscription = () => () => {};

// Card info and the report form load when first opened: they are not part of the page's first load.
const CardDialog = lazy(() => import("./card-dialogs"));

const menuItem = "block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800";
const menuKey = "ml-2 text-xs text-slate-600 dark:text-slate-300";

export function ReviewSession({ userId, deckId, initial }: { userId: string; deckId?: string; initial?: QueueResponse }) {
  const session = useReviewSession({ userId, deckId, initial });
  const { state, saveStatus } = session;
  const front = state.queue[0];
  const root = useRef<HTMLDivElement>(null);
  const controls = useRef<HTMLDivElement>(null);

  // The button that had focus is about to disappear (Show answer, or a grade button):
  // park focus on the session so Tab continues from here, not from the page top.
  const keepFocus = () => {
    if (controls.current?.contains(document.activeElement)) root.current?.focus({ preventScroll: true });
  };
  const reveal = () => {
    keepFocus();
    session.reveal();
  };
  const grade = (rating: Rating) => {
    keepFocus();
    session.grade(rating);
  };

  const [dialog, setDialog] = useState<{ kind: CardDialogKind; cardId: string } | null>(null);
  const onCard = (action: CardKeyAction) => {
    if (!front || state.phase !== "active") return;
    if (action === "info" || action === "flag") return setDialog({ kind: action, cardId: front.cardId });
    keepFocus();
    session.shelve(action);
  };
  /** A menu choice: close the menu, keep focus on its button (the dialog gives it back there), then act. */
  const fromMenu = (e: MouseEvent<HTMLButtonElement>, action: CardKeyAction) => {
    const menu = e.currentTarget.closest("details");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary")?.focus();
    }
    onCard(action);
  };

  useReviewKeys({ revealed: state.revealed, onReveal: reveal, onGrade: grade, onUndo: () => void session.undo(), onCard });

  const tally = sessionTally(state);
  // False in the server's HTML and until hydration: the first card shows before its keys work.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const started = state.phase === "active" && (front !== undefined || tally.reviews > 0 || !state.drained);

  return (
    <div ref={root} tabIndex={-1} className="outline-none focus:outline-none" data-interactive={interactive}>
      {started && <SessionProgress done={tally.reviews} counts={state.counts} />}

      {state.notices.map((n) => (
        <Alert key={n.id}>
          <div className="flex items-start justify-between gap-3">
            <span>{n.text}</span>
            <button type="button" className="shrink-0 underline" onClick={() => session.dismiss(n.id)}>
              Dismiss
            </button>
          </div>
        </Alert>
      ))}

      {state.phase === "loading" && <p className="py-8 text-center text-slate-700 dark:text-slate-300">Loading your cards…</p>}

      {state.phase === "failed" && (
        <div>
          <Alert>Your cards could not be loaded: {state.loadError}</Alert>
          <Button type="button" onClick={session.retry}>
            Try again
          </Button>
        </div>
      )}

      {state.phase === "active" && front && (
        <div className="space-y-4">
          <CardView item={front} revealed={state.revealed} />
          <div ref={controls}>
            {state.revealed ? (
              <GradeButtons item={front} disabled={state.undoing} onGrade={grade} />
            ) : (
              <button
                type="button"
                onClick={reveal}
                aria-keyshortcuts="Space"
                className="flex min-h-16 w-full items-center justify-center gap-3 rounded-lg bg-slate-800 px-4 py-3 text-lg font-semibold text-white hover:bg-slate-900 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
              >
                Show answer
                <kbd aria-hidden className="hidden rounded border border-current px-1.5 font-sans text-xs font-normal sm:inline">
                  Space
                </kbd>
              </button>
            )}
          </div>
        </div>
      )}

      {state.phase === "active" && !front && state.drained && (tally.reviews === 0 ? <NothingDue tomorrow={state.tomorrow} /> : (
        <Summary {...tally} timeMs={(state.lastGradeAt ?? 0) - (state.startedAt ?? 0)} tomorrow={state.tomorrow} />
      ))}

      {state.phase === "active" && !front && !state.drained && (
        <p className="py-8 text-center text-slate-700 dark:text-slate-300">
          {!saveStatus.online
            ? "You are offline. More cards will load when your grades are saved."
            : state.loadError
              ? `More cards could not be loaded: ${state.loadError} Retrying…`
              : "Loading more cards…"}
        </p>
      )}

      {state.phase === "active" && (
        <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3 dark:border-slate-800">
          <SaveStatus status={saveStatus} />
          <div className="flex items-center gap-2">
            {front && (
              <DisclosureMenu
                summaryClassName={secondary}
                panelClassName="absolute bottom-full right-0 z-20 mb-1 w-60 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
                summary={<>Card<span className="sr-only"> actions</span><span aria-hidden> ▾</span></>}
              >
                <button type="button" className={menuItem} onClick={(e) => fromMenu(e, "bury")} aria-keyshortcuts="-">
                  Bury until tomorrow<span className={menuKey}>(-)</span>
                </button>
                <button type="button" className={menuItem} onClick={(e) => fromMenu(e, "suspend")} aria-keyshortcuts="@">
                  Suspend<span className={menuKey}>(@)</span>
                </button>
                <button type="button" className={menuItem} onClick={(e) => fromMenu(e, "flag")} aria-keyshortcuts="F">
                  Report a problem…<span className={menuKey}>(F)</span>
                </button>
                <button type="button" className={menuItem} onClick={(e) => fromMenu(e, "info")} aria-keyshortcuts="I">
                  Card info<span className={menuKey}>(I)</span>
                </button>
              </DisclosureMenu>
            )}
            <button type="button" className={secondary} disabled={!session.canUndo} onClick={() => void session.undo()} aria-keyshortcuts="U Control+Z">
              Undo <span className="text-xs font-normal text-slate-600 dark:text-slate-300">(U)</span>
            </button>
          </div>
        </div>
      )}
      {state.event?.kind === "shelved" && state.shelf.length > 0 && (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="shelved">
          “{state.shelf.at(-1)!.item.card.subject}” {state.event.action === "suspend" ? "suspended: unsuspend it on its deck page" : "buried until tomorrow"}. Undo (U) brings it back.
        </p>
      )}
      {dialog && (
        <Suspense fallback={null}>
          <CardDialog kind={dialog.kind} cardId={dialog.cardId} onClose={() => setDialog(null)} onFlagged={session.notify} />
        </Suspense>
      )}
      {state.phase === "active" && front && (
        <p className="mt-2 hidden text-xs text-slate-600 sm:block dark:text-slate-400">Keys: Space shows the answer · 1 Again · 2 Hard · 3 Good · 4 Easy · U undo · - bury · @ suspend · F report · I card info</p>
      )}

      <p aria-live="polite" className="sr-only">
        {announcement(state)}
      </p>
    </div>
  );
}

"use client";

// Wires the pure session reducer to the world: the queue endpoint, the grade outbox
// (persisted per learner), undo on the server, and the browser's online/offline events.
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { fetchQueue, RequestFailed, sendGrade, setControls, undoOnServer } from "./api";
import type { QueueResponse, Rating } from "@/lib/api/review";
import { localStorageFor, Outbox, type OutboxEntry, type OutboxStatus } from "./outbox";
import { initialSession, lastUndoable, QUEUE_BATCH, serverStartedSession, sessionReducer, type ShelfAction } from "./session-state";

/** Fetch more in the background when this few cards are left locally. */
const LOW_WATER = 5;
/** Wait before fetching again after a failed queue request. */
const REFETCH_DELAY_MS = 5_000;
/** The API refuses longer durations (a card left open overnight). */
const MAX_DURATION_MS = 24 * 3600 * 1000;

const SERVER_STATUS: OutboxStatus = { pending: 0, online: true, problem: null };

function describe(err: unknown): string {
  return err instanceof RequestFailed ? err.message : "Something went wrong. Please try again.";
}

function newId(): string {
  // crypto.randomUUID needs a secure context; plain-http LAN testing falls back.
  return globalThis.crypto?.randomUUID?.() ?? `g-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** `initial`: the queue the server rendered the page with (the first card shows before any script runs). */
export function useReviewSession({ userId, deckId, initial }: { userId: string; deckId?: string; initial?: QueueResponse }) {
  const [state, dispatch] = useReducer(sessionReducer, initial, (r) => (r ? serverStartedSession(r, Date.now()) : initialSession()));
  // One outbox per page; it reads storage only in start() (an effect), so the server render is clean.
  const [outbox] = useState(() => new Outbox({ send: sendGrade, storage: localStorageFor(`history-cards:outbox:${userId}`) }));
  const saveStatus = useSyncExternalStore(outbox.subscribe, outbox.getStatus, () => SERVER_STATUS);
  // Whether the browser says it is online; the server render assumes it is.
  const browserOnline = useSyncExternalStore(
    useCallback((onChange: () => void) => {
      window.addEventListener("online", onChange);
      window.addEventListener("offline", onChange);
      return () => {
        window.removeEventListener("online", onChange);
        window.removeEventListener("offline", onChange);
      };
    }, []),
    () => navigator.onLine,
    () => true,
  );

  const fetching = useRef(false);
  // A server-rendered queue counts as the first fetch.
  const fetchedAtChange = useRef<number | null>(initial ? 0 : null);
  const alive = useRef(true);
  const restoredOnce = useRef(false);

  useEffect(() => {
    alive.current = true;
    outbox.start(navigator.onLine);
    if (initial && !restoredOnce.current) {
      restoredOnce.current = true;
      dispatch({ type: "restored", pending: outbox.list() });
    }
    const offSettled = outbox.onSettled((entry, outcome) => {
      if (outcome.kind === "saved") {
        dispatch({ type: "saved", cardId: entry.cardId, version: outcome.version });
        if (outcome.leech) dispatch({ type: "leech", cardId: entry.cardId, subject: entry.subject });
      } else if (outcome.kind === "conflict") {
        dispatch({
          type: "dropped",
          entryId: entry.id,
          cardId: entry.cardId,
          version: outcome.currentVersion,
          message: `“${entry.subject}” was already graded in another tab or on another device, so this grade was not saved.`,
        });
      } else {
        dispatch({ type: "dropped", entryId: entry.id, cardId: entry.cardId, version: null, message: `Your grade for “${entry.subject}” could not be saved: ${outcome.message}` });
      }
    });
    const online = () => {
      outbox.setOnline(true);
      dispatch({ type: "retry" });
    };
    const offline = () => outbox.setOnline(false);
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      alive.current = false;
      offSettled();
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      outbox.stop();
    };
    // `initial` only matters for the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outbox]);

  // Fetch the queue at start, then in the background when it runs low or when counts
  // need the server's word again. Later fetches wait until the outbox is empty so their
  // answer reflects every grade (and can't resurrect a card whose grade is in transit).
  useEffect(() => {
    if (fetching.current || fetchedAtChange.current === state.change) return;
    const first = state.phase !== "active";
    if (!first && (saveStatus.pending > 0 || (state.queue.length > LOW_WATER && state.countsExact))) return;
    fetching.current = true;
    fetchedAtChange.current = state.change;
    const sentAtChange = state.change;
    const pendingAtSend = outbox.list().length;
    fetchQueue(deckId, QUEUE_BATCH)
      .then((response) => {
        if (alive.current) dispatch({ type: "loaded", response, sentAtChange, pendingAtSend, pending: outbox.list(), now: Date.now() });
      })
      .catch((err: unknown) => {
        if (!alive.current) return;
        dispatch({ type: "loadFailed", message: describe(err) });
        // Try again later unless the page is gone; coming online also retries at once.
        setTimeout(() => alive.current && dispatch({ type: "retry" }), REFETCH_DELAY_MS);
      })
      .finally(() => {
        fetching.current = false;
      });
  }, [state.change, state.phase, state.queue.length, state.countsExact, saveStatus.pending, deckId, outbox]);

  const reveal = useCallback(() => dispatch({ type: "reveal" }), []);

  const grade = (rating: Rating) => {
    const item = state.queue[0];
    if (!item || !state.revealed || state.undoing) return;
    const now = Date.now();
    const entry: OutboxEntry = {
      id: newId(),
      cardId: item.cardId,
      rating,
      expectedVersion: item.version,
      durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(now - state.shownAt))),
      queue: item.queue,
      subject: item.card.subject,
      createdAt: now,
    };
    // Into the reducer first: the next card shows in this same render, whatever the network does.
    dispatch({ type: "graded", entry, now });
    outbox.add(entry);
  };

  /** Suspends or buries the front card: it leaves at once; a refusal puts it back with the reason. */
  const shelve = (action: ShelfAction) => {
    const item = state.queue[0];
    if (!item || state.undoing) return;
    dispatch({ type: "shelved", cardId: item.cardId, action, now: Date.now() });
    setControls(item.cardId, action === "suspend" ? { suspended: true } : { buried: true }).catch((err: unknown) => {
      const verb = action === "suspend" ? "suspend" : "bury";
      if (alive.current) dispatch({ type: "unshelved", cardId: item.cardId, now: Date.now(), message: `Could not ${verb} “${item.card.subject}”: ${describe(err)}` });
    });
  };

  const unshelve = async (cardId: string, action: ShelfAction, subject: string) => {
    dispatch({ type: "unshelved", cardId, now: Date.now() });
    try {
      await setControls(cardId, action === "suspend" ? { suspended: false } : { buried: false });
    } catch (err) {
      dispatch({ type: "notice", message: `Could not undo for “${subject}”: ${describe(err)} It stays ${action === "suspend" ? "suspended (unsuspend it on its deck page)" : "buried until tomorrow"}.` });
    }
  };

  const undo = async () => {
    const latest = lastUndoable(state);
    if (latest?.kind === "shelf" && !state.undoing) {
      const { item, action } = latest.shelved;
      return unshelve(item.cardId, action, item.card.subject);
    }
    const last = latest?.kind === "grade" ? latest.graded : undefined;
    if (!last || state.undoing) return;
    const taken = outbox.remove(last.entryId);
    if (taken === "removed") {
      // Never sent: the server never knew, so taking it back is local.
      dispatch({ type: "undone", entryId: last.entryId, version: null, now: Date.now() });
      return;
    }
    dispatch({ type: "undoStarted" });
    if (taken === "in-flight") {
      const outcome = await outbox.settled(last.entryId);
      // Refused or conflicting: the outbox already said so and removed it from history.
      if (outcome && outcome.kind !== "saved") {
        dispatch({ type: "undoFailed", entryId: null, message: "That grade was not saved, so there was nothing to undo." });
        return;
      }
    }
    try {
      const res = await undoOnServer(last.item.cardId);
      dispatch({ type: "undone", entryId: last.entryId, version: res.version, now: Date.now() });
    } catch (err) {
      const gone = err instanceof RequestFailed && err.status === 404;
      dispatch({
        type: "undoFailed",
        entryId: gone ? last.entryId : null,
        message: gone ? "There was nothing left to undo for that card." : `Could not undo: ${describe(err)}`,
      });
    }
  };

  const retry = useCallback(() => {
    outbox.flush();
    dispatch({ type: "retry" });
  }, [outbox]);
  const dismiss = useCallback((id: number) => dispatch({ type: "dismiss", id }), []);
  const notify = useCallback((message: string) => dispatch({ type: "notice", message }), []);

  return {
    state,
    saveStatus: { ...saveStatus, online: saveStatus.online && browserOnline },
    reveal,
    grade,
    undo,
    retry,
    dismiss,
    notify,
    shelve,
    canUndo: (state.history.length > 0 || state.shelf.length > 0) && !state.undoing,
  };
}

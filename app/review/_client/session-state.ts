// The review session as a pure reducer: which card is in front, what is left, what was
// done (for undo and the summary). All I/O (fetching, the outbox, timers) lives in
// use-review-session.ts, which feeds the results in as actions with the time they
// happened, so this file stays deterministic and unit-testable.
import { LEARN_AHEAD_MS } from "@/lib/api/learn-ahead";
import type { QueueItem, QueueKind, QueueResponse, Rating } from "@/lib/api/review";
import type { OutboxEntry } from "./outbox";

export type Counts = QueueResponse["counts"];

/** Cards asked for per queue request (the server-rendered first answer too). */
export const QUEUE_BATCH = 50;

/** One grade of this session, kept for undo. */
export type Graded = {
  entryId: string;
  item: QueueItem;
  rating: Rating;
  /** The grade's interval ends within the learn-ahead window: the card comes back this session. */
  comesBack: boolean;
};

/** Suspend or bury (Anki's card controls): the card leaves the session; undo brings it back. */
export type ShelfAction = "suspend" | "bury";

/** One card suspended or buried in this session, kept for undo. */
export type Shelved = { item: QueueItem; action: ShelfAction; change: number };

export type SessionEvent =
  | { kind: "revealed" }
  | { kind: "graded"; rating: Rating; label: string }
  | { kind: "undone" }
  | { kind: "shelved"; action: ShelfAction }
  | null;

export type SessionState = {
  /** "loading" until the first queue answer; "failed" if that first load failed. */
  phase: "loading" | "failed" | "active";
  loadError: string | null;
  /** Cards to show; queue[0] is in front. Never holds a card whose grade is unsent. */
  queue: QueueItem[];
  revealed: boolean;
  /** When the front card appeared (for durationMs). */
  shownAt: number;
  counts: Counts;
  /** False when counts may be off (grades were in transit when they were fetched). */
  countsExact: boolean;
  tomorrow: number;
  startedAt: number | null;
  lastGradeAt: number | null;
  /** Grades kept this session (undone and refused ones leave): the undo stack and the summary's source. */
  history: Graded[];
  /** Bumped by every grade and undo: a fetch begun before may not reflect them. */
  change: number;
  /** cardId -> the `change` at which it was last graded or undone. */
  touched: Record<string, number>;
  /** cardId -> the newest version the server reported for it (an older queue entry is stale). */
  versions: Record<string, number>;
  /** The last queue answer saw everything and had nothing more: the session is over. */
  drained: boolean;
  /** A server undo is in progress: grading waits so the undone card can go back in front. */
  undoing: boolean;
  /** Cards suspended or buried this session, for undo (newest last). */
  shelf: Shelved[];
  /** Things the learner must be told (a refused grade, a failed undo), newest last. */
  notices: { id: number; text: string }[];
  event: SessionEvent;
};

export type SessionAction =
  | {
      type: "loaded";
      response: QueueResponse;
      /** `change` when the request was sent. */
      sentAtChange: number;
      /** Grades unsent when the request was sent. */
      pendingAtSend: number;
      /** Grades still unsent now. */
      pending: readonly OutboxEntry[];
      now: number;
    }
  /** The outbox held grades from an earlier page when this one started from a server-rendered queue. */
  | { type: "restored"; pending: readonly OutboxEntry[] }
  | { type: "loadFailed"; message: string }
  | { type: "reveal" }
  | { type: "graded"; entry: OutboxEntry; now: number }
  | { type: "saved"; cardId: string; version: number }
  /** The outbox dropped a grade (refused or graded elsewhere). */
  | { type: "dropped"; entryId: string; cardId: string; version: number | null; message: string }
  | { type: "undoStarted" }
  /** `version` null: the grade never left the outbox; else the version the server restored. */
  | { type: "undone"; entryId: string; version: number | null; now: number }
  | { type: "undoFailed"; entryId: string | null; message: string }
  /** The front card was suspended or buried (sent to the server alongside). */
  | { type: "shelved"; cardId: string; action: ShelfAction; now: number }
  /** A suspend or bury was undone (or refused by the server): the card is back in front. */
  | { type: "unshelved"; cardId: string; now: number; message?: string }
  /** The server made a graded card a leech and suspended it. */
  | { type: "leech"; cardId: string; subject: string }
  /** Something to tell the learner (a report sent). */
  | { type: "notice"; message: string }
  /** Ask for a fresh queue (after a failed fetch, on reconnect). */
  | { type: "retry" }
  | { type: "dismiss"; id: number };

export function initialSession(): SessionState {
  return {
    phase: "loading",
    loadError: null,
    queue: [],
    revealed: false,
    shownAt: 0,
    counts: { learning: 0, review: 0, new: 0 },
    countsExact: true,
    tomorrow: 0,
    startedAt: null,
    lastGradeAt: null,
    history: [],
    change: 0,
    touched: {},
    versions: {},
    drained: false,
    undoing: false,
    shelf: [],
    notices: [],
    event: null,
  };
}

const adjust = (counts: Counts, kind: QueueKind, by: number): Counts => ({ ...counts, [kind]: Math.max(0, counts[kind] + by) });

/**
 * What the session did, from the grades kept: `cards` distinct cards graded (a card's
 * relearning steps are one card), `reviews` grades, `again` grades that were Again.
 */
export function sessionTally(state: Pick<SessionState, "history">): { cards: number; reviews: number; again: number } {
  return {
    cards: new Set(state.history.map((g) => g.item.cardId)).size,
    reviews: state.history.length,
    again: state.history.filter((g) => g.rating === 1).length,
  };
}

export function remaining(counts: Counts): number {
  return counts.new + counts.learning + counts.review;
}

function notice(state: SessionState, text: string): SessionState["notices"] {
  const id = (state.notices.at(-1)?.id ?? 0) + 1;
  return [...state.notices.slice(-2), { id, text }];
}

function loaded(state: SessionState, a: Extract<SessionAction, { type: "loaded" }>): SessionState {
  const pendingCards = new Set(a.pending.map((e) => e.cardId));
  // Skip what the answer cannot know about: cards with a grade in transit, cards graded
  // or undone after the request left, and entries older than a version we have seen.
  const usable = a.response.cards.filter(
    (c) => !pendingCards.has(c.cardId) && !((state.touched[c.cardId] ?? -1) > a.sentAtChange) && c.version >= (state.versions[c.cardId] ?? 0),
  );
  const fresh = new Map(usable.map((c) => [c.cardId, c]));
  // Cards already queued keep their place; same version -> take the fresher previews.
  const kept = state.queue.map((c) => (fresh.get(c.cardId)?.version === c.version ? fresh.get(c.cardId)! : c));
  const keptIds = new Set(kept.map((c) => c.cardId));
  const queue = [...kept, ...usable.filter((c) => !keptIds.has(c.cardId))];

  const exact = a.sentAtChange === state.change && a.pendingAtSend === 0 && a.pending.length === 0;
  let counts = a.response.counts;
  // Grades still unsent are not in the server's counts yet.
  if (!exact) for (const e of a.pending) counts = adjust(counts, e.queue, -1);
  const wasEmpty = state.queue.length === 0;
  return {
    ...state,
    phase: "active",
    loadError: null,
    queue,
    counts,
    countsExact: exact,
    tomorrow: a.response.tomorrow,
    shownAt: wasEmpty ? a.now : state.shownAt,
    revealed: wasEmpty ? false : state.revealed,
    startedAt: state.startedAt ?? (queue.length > 0 ? a.now : null),
    drained: exact && queue.length === 0,
    // An inexact answer asks for another fetch once the grades are through.
    change: exact ? state.change : state.change + 1,
  };
}

function graded(state: SessionState, { entry, now }: Extract<SessionAction, { type: "graded" }>): SessionState {
  const item = state.queue[0];
  if (!item || item.cardId !== entry.cardId) return state;
  const preview = item.previews[entry.rating];
  const comesBack = Date.parse(preview.due) - now <= LEARN_AHEAD_MS;
  let counts = adjust(state.counts, item.queue, -1);
  if (comesBack) counts = adjust(counts, "learning", 1);
  const change = state.change + 1;
  return {
    ...state,
    queue: state.queue.slice(1),
    revealed: false,
    shownAt: now,
    counts,
    lastGradeAt: now,
    history: [...state.history, { entryId: entry.id, item, rating: entry.rating, comesBack }],
    change,
    touched: { ...state.touched, [item.cardId]: change },
    drained: false,
    event: { kind: "graded", rating: entry.rating, label: preview.label },
  };
}

function undone(state: SessionState, a: Extract<SessionAction, { type: "undone" }>): SessionState {
  const done = state.history.find((g) => g.entryId === a.entryId);
  if (!done) return { ...state, undoing: false };
  let counts = adjust(state.counts, done.item.queue, 1);
  if (done.comesBack) counts = adjust(counts, "learning", -1);
  const item = a.version === null ? done.item : { ...done.item, version: a.version };
  const change = state.change + 1;
  return {
    ...state,
    // Back in front, and nowhere else (a refetch may have queued its later step).
    queue: [item, ...state.queue.filter((c) => c.cardId !== item.cardId)],
    revealed: false,
    shownAt: a.now,
    counts,
    // A server undo changed what the server counts: have them fetched again.
    countsExact: state.countsExact && a.version === null,
    history: state.history.filter((g) => g.entryId !== a.entryId),
    change,
    touched: { ...state.touched, [item.cardId]: change },
    versions: a.version === null ? state.versions : { ...state.versions, [item.cardId]: a.version },
    drained: false,
    undoing: false,
    event: { kind: "undone" },
  };
}

function shelved(state: SessionState, a: Extract<SessionAction, { type: "shelved" }>): SessionState {
  const item = state.queue[0];
  if (!item || item.cardId !== a.cardId) return state;
  const change = state.change + 1;
  return {
    ...state,
    queue: state.queue.filter((c) => c.cardId !== item.cardId),
    revealed: false,
    shownAt: a.now,
    counts: adjust(state.counts, item.queue, -1),
    shelf: [...state.shelf, { item, action: a.action, change }],
    change,
    touched: { ...state.touched, [item.cardId]: change },
    drained: false,
    event: { kind: "shelved", action: a.action },
  };
}

function unshelved(state: SessionState, a: Extract<SessionAction, { type: "unshelved" }>): SessionState {
  const done = state.shelf.findLast((s) => s.item.cardId === a.cardId);
  if (!done) return state;
  const change = state.change + 1;
  return {
    ...state,
    queue: [done.item, ...state.queue.filter((c) => c.cardId !== a.cardId)],
    revealed: false,
    shownAt: a.now,
    counts: adjust(state.counts, done.item.queue, 1),
    shelf: state.shelf.filter((s) => s !== done),
    change,
    touched: { ...state.touched, [a.cardId]: change },
    drained: false,
    notices: a.message ? notice(state, a.message) : state.notices,
    event: { kind: "undone" },
  };
}

/**
 * What U / Undo takes back, as Anki's one undo stack: the latest of the last grade kept and
 * the last suspend or bury (a grade's card was touched when it was graded, or later).
 */
export function lastUndoable(state: SessionState): { kind: "grade"; graded: Graded } | { kind: "shelf"; shelved: Shelved } | null {
  const graded = state.history.at(-1);
  const shelf = state.shelf.at(-1);
  if (shelf && (!graded || shelf.change >= (state.touched[graded.item.cardId] ?? 0))) return { kind: "shelf", shelved: shelf };
  return graded ? { kind: "grade", graded } : null;
}

/** The session as the server renders it: its queue answer already in, so the first card needs no client fetch. */
export function serverStartedSession(response: QueueResponse, now: number): SessionState {
  return loaded(initialSession(), { type: "loaded", response, sentAtChange: 0, pendingAtSend: 0, pending: [], now });
}

/**
 * The server rendered the queue without knowing the grades this browser still holds: take
 * their cards out (they are graded, just not saved yet) and their counts off, and have the
 * queue fetched again once they are through.
 */
function restored(state: SessionState, { pending }: Extract<SessionAction, { type: "restored" }>): SessionState {
  if (pending.length === 0) return state;
  const held = new Set(pending.map((e) => e.cardId));
  const queue = state.queue.filter((c) => !held.has(c.cardId));
  let counts = state.counts;
  for (const e of pending) counts = adjust(counts, e.queue, -1);
  return { ...state, queue, counts, countsExact: false, drained: false, revealed: queue[0]?.cardId === state.queue[0]?.cardId && state.revealed, change: state.change + 1 };
}

export function sessionReducer(state: SessionState, a: SessionAction): SessionState {
  switch (a.type) {
    case "loaded":
      return loaded(state, a);
    case "restored":
      return restored(state, a);
    case "loadFailed":
      return state.phase === "active" ? { ...state, loadError: a.message } : { ...state, phase: "failed", loadError: a.message };
    case "reveal":
      return state.queue.length > 0 && !state.revealed ? { ...state, revealed: true, event: { kind: "revealed" } } : state;
    case "graded":
      return graded(state, a);
    case "saved":
      return (state.versions[a.cardId] ?? -1) === a.version ? state : { ...state, versions: { ...state.versions, [a.cardId]: a.version } };
    case "dropped":
      return {
        ...state,
        // It can't be undone (it never happened), and counts need the server's word again.
        history: state.history.filter((g) => g.entryId !== a.entryId),
        versions: a.version === null ? state.versions : { ...state.versions, [a.cardId]: a.version },
        countsExact: false,
        change: state.change + 1,
        notices: notice(state, a.message),
      };
    case "undoStarted":
      return { ...state, undoing: true };
    case "undone":
      return undone(state, a);
    case "undoFailed":
      return {
        ...state,
        undoing: false,
        history: a.entryId === null ? state.history : state.history.filter((g) => g.entryId !== a.entryId),
        notices: notice(state, a.message),
      };
    case "retry":
      // The last error stays on screen until a fetch succeeds, so retries don't flicker.
      return { ...state, change: state.change + 1 };
    case "dismiss":
      return { ...state, notices: state.notices.filter((n) => n.id !== a.id) };
    case "shelved":
      return shelved(state, a);
    case "unshelved":
      return unshelved(state, a);
    case "leech":
      return {
        ...state,
        // Suspended on the server: a relearning step of it queued here must not come back.
        queue: state.queue.filter((c) => c.cardId !== a.cardId),
        countsExact: false,
        change: state.change + 1,
        notices: notice(
          state,
          `“${a.subject}” is a leech: you have forgotten it 8 times, so it was suspended. Look at it again on its deck page (card info shows its history) and unsuspend it there when you are ready.`,
        ),
      };
    case "notice":
      return { ...state, notices: notice(state, a.message) };
  }
}

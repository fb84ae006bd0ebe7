import { describe, expect, it } from "vitest";
import type { QueueItem, QueueResponse } from "@/lib/api/review";
import type { Rating } from "@/lib/api/review";
import type { OutboxEntry } from "./outbox";
import { initialSession, lastUndoable, remaining, serverStartedSession, sessionReducer, sessionTally, type SessionAction, type SessionState } from "./session-state";

const T0 = Date.parse("2026-03-01T10:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

function item(n: number, over: Partial<QueueItem> = {}): QueueItem {
  return {
    cardId: `card-${n}`,
    queue: "new",
    version: 0,
    card: { deckId: "d", deckTitle: "Deck", kind: "DATE", subject: `S${n}`, prompt: `Q${n}`, answer: `A${n}`, quote: "q", citation: null },
    previews: {
      1: { due: iso(T0 + 60_000), label: "1m" },
      2: { due: iso(T0 + 360_000), label: "6m" },
      3: { due: iso(T0 + 600_000), label: "10m" },
      4: { due: iso(T0 + 8 * 86_400_000), label: "8d" },
    },
    ...over,
  };
}

function response(cards: QueueItem[], counts = { learning: 0, review: 0, new: cards.length }): QueueResponse {
  return { cards, counts, day: { key: "2026-03-01", end: iso(T0 + 86_400_000) }, tomorrow: 7 };
}

function entryFor(it: QueueItem, rating: Rating, id = `key-${it.cardId}-${rating}`): OutboxEntry {
  return { id, cardId: it.cardId, rating, expectedVersion: it.version, durationMs: 1, queue: it.queue, subject: it.card.subject, createdAt: T0 };
}

const run = (state: SessionState, ...actions: SessionAction[]) => actions.reduce(sessionReducer, state);
const load = (r: QueueResponse, sentAtChange = 0, pending: OutboxEntry[] = []): SessionAction => ({ type: "loaded", response: r, sentAtChange, pendingAtSend: pending.length, pending, now: T0 });

describe("session reducer", () => {
  it("grades the front card, counts it, and predicts learning cards that come back", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2), item(3)])));
    expect(remaining(s0.counts)).toBe(3);
    const s1 = run(s0, { type: "reveal" }, { type: "graded", entry: entryFor(item(1), 3), now: T0 });
    expect(s1.queue.map((c) => c.cardId)).toEqual(["card-2", "card-3"]);
    expect(s1.counts).toEqual({ new: 2, learning: 1, review: 0 });
    expect(s1.revealed).toBe(false);
    const s2 = run(s1, { type: "reveal" }, { type: "graded", entry: entryFor(item(2), 4), now: T0 });
    expect(s2.counts).toEqual({ new: 1, learning: 1, review: 0 });
    expect(sessionTally(s2)).toEqual({ cards: 2, reviews: 2, again: 0 });
  });

  it("ignores a grade for a card that is not in front", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2)])));
    expect(run(s0, { type: "graded", entry: entryFor(item(2), 3), now: T0 })).toBe(s0);
  });

  it("undo puts the card back in front and reverses the counts", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2)])));
    const s1 = run(s0, { type: "graded", entry: entryFor(item(1), 1), now: T0 });
    const s2 = run(s1, { type: "undone", entryId: "key-card-1-1", version: null, now: T0 + 5 });
    expect(s2.queue.map((c) => c.cardId)).toEqual(["card-1", "card-2"]);
    expect(s2.counts).toEqual(s0.counts);
    expect(sessionTally(s2)).toEqual({ cards: 0, reviews: 0, again: 0 });
    expect(s2.history).toEqual([]);
  });

  it("a server undo re-inserts with the restored version and replaces a queued later step", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2)])));
    const s1 = run(s0, { type: "graded", entry: entryFor(item(1), 3), now: T0 }, { type: "saved", cardId: "card-1", version: 1 });
    // The learning step of card-1 was fetched back into the queue...
    const s2 = run(s1, load(response([item(2), item(1, { version: 1, queue: "learning" })]), s1.change));
    expect(s2.queue.map((c) => `${c.cardId}@${c.version}`)).toEqual(["card-2@0", "card-1@1"]);
    // ...then the grade is undone on the server.
    const s3 = run(s2, { type: "undone", entryId: "key-card-1-3", version: 0, now: T0 });
    expect(s3.queue.map((c) => `${c.cardId}@${c.version}`)).toEqual(["card-1@0", "card-2@0"]);
    expect(s3.countsExact).toBe(false);
  });

  it("a queue answer never brings back a card whose grade is in transit or newer than the answer", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2), item(3)])));
    const sent = s0.change;
    const e1 = entryFor(item(1), 3);
    const s1 = run(s0, { type: "graded", entry: e1, now: T0 });
    // A fetch sent before the grade answers with card-1 still at version 0.
    const s2 = run(s1, load(response([item(1), item(2), item(3), item(4)]), sent, [e1]));
    expect(s2.queue.map((c) => c.cardId)).toEqual(["card-2", "card-3", "card-4"]);
    expect(s2.countsExact).toBe(false);
    // Once saved, an old answer with the old version is still refused.
    const s3 = run(s2, { type: "saved", cardId: "card-1", version: 1 }, load(response([item(1), item(5)]), s2.change));
    expect(s3.queue.map((c) => c.cardId)).toEqual(["card-2", "card-3", "card-4", "card-5"]);
  });

  it("dedupes by card id and keeps the local order", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2)])));
    const s1 = run(s0, load(response([item(2), item(1), item(3)]), s0.change));
    expect(s1.queue.map((c) => c.cardId)).toEqual(["card-1", "card-2", "card-3"]);
  });

  it("ends when an exact answer has nothing more; inexact answers ask again", () => {
    const s0 = run(initialSession(), load(response([item(1)])));
    const e1 = entryFor(item(1), 4);
    const s1 = run(s0, { type: "graded", entry: e1, now: T0 + 1000 });
    const s2 = run(s1, load(response([], { new: 0, learning: 0, review: 0 }), s0.change, [e1]));
    expect(s2.drained).toBe(false);
    expect(s2.change).toBe(s1.change + 1);
    const s3 = run(s2, { type: "saved", cardId: "card-1", version: 1 }, load(response([], { new: 0, learning: 0, review: 0 }), s2.change));
    expect(s3.drained).toBe(true);
    expect(s3.tomorrow).toBe(7);
    expect((s3.lastGradeAt ?? 0) - (s3.startedAt ?? 0)).toBe(1000);
  });

  it("a dropped grade leaves the undo history and is explained", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2)])));
    const s1 = run(s0, { type: "graded", entry: entryFor(item(1), 3), now: T0 });
    const s2 = run(s1, { type: "dropped", entryId: "key-card-1-3", cardId: "card-1", version: 4, message: "graded elsewhere" });
    expect(s2.history).toEqual([]);
    expect(s2.notices.map((n) => n.text)).toEqual(["graded elsewhere"]);
    expect(s2.versions["card-1"]).toBe(4);
  });

  it("counts cards and reviews apart: relearning steps are reviews of one card, undone grades count for neither", () => {
    // 20 new cards; 8 are failed once and come back, then relearnt with Good.
    const cards = Array.from({ length: 20 }, (_, i) => item(i + 1));
    let s = run(initialSession(), load(response(cards)));
    const failed = new Set(cards.slice(0, 8).map((c) => c.cardId));
    for (const c of cards) s = run(s, { type: "reveal" }, { type: "graded", entry: entryFor(c, failed.has(c.cardId) ? 1 : 3), now: T0 });
    // The learning steps come back from the server as version-1 learning cards.
    s = run(s, ...cards.slice(0, 8).map((c) => ({ type: "saved", cardId: c.cardId, version: 1 }) as SessionAction));
    s = run(s, load(response(cards.slice(0, 8).map((c) => item(Number(c.cardId.slice(5)), { version: 1, queue: "learning" })), { new: 0, learning: 8, review: 0 }), s.change));
    for (const c of [...s.queue]) s = run(s, { type: "reveal" }, { type: "graded", entry: entryFor(c, 3, `relearn-${c.cardId}`), now: T0 });
    expect(sessionTally(s)).toEqual({ cards: 20, reviews: 28, again: 8 });
    // Undo the last relearning grade: still 20 cards (its first grade is kept), 27 reviews.
    s = run(s, { type: "undone", entryId: s.history.at(-1)!.entryId, version: 1, now: T0 });
    expect(sessionTally(s)).toEqual({ cards: 20, reviews: 27, again: 8 });
    // Undo the last new card's only grade: 19 cards.
    const s2 = run(initialSession(), load(response([item(1), item(2)])), { type: "reveal" }, { type: "graded", entry: entryFor(item(1), 3), now: T0 });
    const s3 = run(s2, { type: "undone", entryId: "key-card-1-3", version: null, now: T0 });
    expect(sessionTally(s3)).toEqual({ cards: 0, reviews: 0, again: 0 });
    // A dropped grade (refused by the server) was never kept.
    const s4 = run(s2, { type: "dropped", entryId: "key-card-1-3", cardId: "card-1", version: null, message: "refused" });
    expect(sessionTally(s4)).toEqual({ cards: 0, reviews: 0, again: 0 });
  });

  it("a server-rendered queue starts active; grades this browser still holds take their cards out", () => {
    const s0 = serverStartedSession(response([item(1), item(2), item(3)]), T0);
    expect(s0.phase).toBe("active");
    expect(s0.queue[0]?.cardId).toBe("card-1");
    const s1 = run(s0, { type: "restored", pending: [entryFor(item(2), 3)] });
    expect(s1.queue.map((c) => c.cardId)).toEqual(["card-1", "card-3"]);
    expect(s1.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(s1.countsExact).toBe(false);
    expect(s1.change).toBe(s0.change + 1);
    expect(run(s0, { type: "restored", pending: [] })).toBe(s0);
    // Nothing due at all: the session is over at once, unless grades are still held.
    const empty = serverStartedSession(response([], { new: 0, learning: 0, review: 0 }), T0);
    expect(empty.drained).toBe(true);
    expect(run(empty, { type: "restored", pending: [entryFor(item(9), 1)] }).drained).toBe(false);
  });
});

describe("suspend and bury in the session (card controls)", () => {
  it("takes the front card out with its count, and undo puts it back in front", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2), item(3)])));
    const s1 = run(s0, { type: "reveal" }, { type: "shelved", cardId: "card-1", action: "bury", now: T0 });
    expect(s1.queue.map((c) => c.cardId)).toEqual(["card-2", "card-3"]);
    expect(s1.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(s1.revealed).toBe(false);
    expect(s1.event).toEqual({ kind: "shelved", action: "bury" });
    expect(lastUndoable(s1)).toMatchObject({ kind: "shelf", shelved: { action: "bury", item: { cardId: "card-1" } } });
    const s2 = run(s1, { type: "unshelved", cardId: "card-1", now: T0 });
    expect(s2.queue.map((c) => c.cardId)).toEqual(["card-1", "card-2", "card-3"]);
    expect(s2.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect(lastUndoable(s2)).toBeNull();
    // A card not in front is left alone.
    expect(run(s0, { type: "shelved", cardId: "card-2", action: "suspend", now: T0 })).toBe(s0);
  });

  it("undo takes back the latest action, grade or suspend, as one stack", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2), item(3)])));
    const graded = run(s0, { type: "reveal" }, { type: "graded", entry: entryFor(item(1), 3), now: T0 });
    const thenSuspended = run(graded, { type: "shelved", cardId: "card-2", action: "suspend", now: T0 });
    expect(lastUndoable(thenSuspended)?.kind).toBe("shelf");
    const thenGraded = run(thenSuspended, { type: "reveal" }, { type: "graded", entry: entryFor(item(3), 4), now: T0 });
    expect(lastUndoable(thenGraded)).toMatchObject({ kind: "grade", graded: { item: { cardId: "card-3" } } });
  });

  it("a refused suspend puts the card back with the reason", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2)])));
    const s1 = run(s0, { type: "shelved", cardId: "card-1", action: "suspend", now: T0 }, { type: "unshelved", cardId: "card-1", now: T0, message: "Could not suspend" });
    expect(s1.queue[0]?.cardId).toBe("card-1");
    expect(s1.notices.map((n) => n.text)).toEqual(["Could not suspend"]);
  });

  it("a leech leaves the session with a notice, and counts are asked again", () => {
    const s0 = run(initialSession(), load(response([item(1), item(2)])));
    const s1 = run(s0, { type: "leech", cardId: "card-2", subject: "S2" });
    expect(s1.queue.map((c) => c.cardId)).toEqual(["card-1"]);
    expect(s1.countsExact).toBe(false);
    expect(s1.notices[0]?.text).toMatch(/^“S2” is a leech: you have forgotten it 8 times, so it was suspended/);
  });
});

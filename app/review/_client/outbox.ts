// The persistent queue of grades not yet confirmed by the server.
//
// Grading is optimistic: the next card shows at once and the grade waits here until the
// server has it. Grades are sent one at a time, oldest first, because two grades of the
// same learning card only make sense in the order they were given. A grade is removed
// only when the server has answered about it: network failures and 5xx keep it (with
// backoff) so nothing is ever lost, while a refusal (4xx) can never succeed on retry and
// is handed back to the caller to explain. The entry id doubles as the idempotencyKey, so
// a retry of a grade the server did apply (the answer was lost) is applied only once.
//
// Plain TypeScript with injected I/O (send, storage, timers), so the logic is unit-tested
// without a browser: see outbox.test.ts.
import type { QueueKind, Rating } from "@/lib/api/review";

export type OutboxEntry = {
  /** Also the idempotencyKey of the grade request. */
  id: string;
  cardId: string;
  rating: Rating;
  expectedVersion: number;
  durationMs: number;
  /** The queue the card came from, so counts can be corrected while the grade is unsent. */
  queue: QueueKind;
  /** Names the card in messages about this grade ("Your grade for … was refused"). */
  subject: string;
  createdAt: number;
};

const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isString = (v: unknown, min = 0, max = Infinity): v is string => typeof v === "string" && v.length >= min && v.length <= max;
const QUEUES: readonly unknown[] = ["learning", "review", "new"] satisfies QueueKind[];

/**
 * A stored entry as the grade API will accept it (storage is user-editable). Checked by
 * hand rather than with lib/api/review's zod schemas so zod stays out of the page's bundle;
 * the server validates every grade again.
 */
function isEntry(v: unknown): v is OutboxEntry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<keyof OutboxEntry, unknown>;
  return (
    isString(e.id, 8, 100) &&
    isString(e.cardId, 1) &&
    isInt(e.rating, 1, 4) &&
    isInt(e.expectedVersion, 0) &&
    isInt(e.durationMs, 0) &&
    QUEUES.includes(e.queue) &&
    isString(e.subject) &&
    typeof e.createdAt === "number" &&
    Number.isFinite(e.createdAt)
  );
}

/** What became of one attempt to send a grade. */
export type SendOutcome =
  | { kind: "saved"; version: number; /** The grade made the card a leech (the server suspended it). */ leech?: boolean }
  /** Another tab or device graded the card first: this grade is obsolete. */
  | { kind: "conflict"; message: string; currentVersion: number }
  /** The server will never accept this grade (4xx): retrying cannot help. */
  | { kind: "refused"; status: number; message: string }
  /** Signed out: keep the grade and try again later (the learner can sign in elsewhere). */
  | { kind: "unauthenticated"; message: string }
  /** Try again: the network is down ("network") or the server failed ("server"). */
  | { kind: "retry"; reason: "network" | "server"; message: string };

/** Outcomes after which the entry is gone from the outbox. */
export type FinalOutcome = Extract<SendOutcome, { kind: "saved" | "conflict" | "refused" }>;

export type OutboxStatus = {
  /** Grades not yet confirmed, including the one being sent. */
  pending: number;
  /** False after a network failure or an `offline` event, until the server answers again. */
  online: boolean;
  /** Why the head grade is waiting, when it is not just in transit. */
  problem: null | { kind: "server" | "unauthenticated"; message: string };
};

export type OutboxStorage = {
  read(): unknown;
  write(entries: OutboxEntry[]): void;
};

export type OutboxDeps = {
  send(entry: OutboxEntry): Promise<SendOutcome>;
  storage?: OutboxStorage;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
};

export const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff with jitter (so many tabs coming back online don't retry in step). */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random() * 0.5));
}

/** Entries found in storage, keeping only well-formed ones (storage is user-editable). */
export function parseStored(raw: unknown): OutboxEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: OutboxEntry[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    if (isEntry(item) && !seen.has(item.id)) {
      seen.add(item.id);
      // Only the entry's own fields, whatever else storage holds.
      const { id, cardId, rating, expectedVersion, durationMs, queue, subject, createdAt } = item;
      out.push({ id, cardId, rating, expectedVersion, durationMs, queue, subject, createdAt });
    }
  }
  return out;
}

type Listener = () => void;
type SettledListener = (entry: OutboxEntry, outcome: FinalOutcome) => void;

export class Outbox {
  private entries: OutboxEntry[] = [];
  /** Every id this instance added, loaded or removed: ids in storage outside it belong to another tab. */
  private readonly known = new Set<string>();
  private inFlight: string | null = null;
  private failures = 0;
  private timer: unknown = null;
  private started = false;
  private online = true;
  private problem: OutboxStatus["problem"] = null;
  private status: OutboxStatus = { pending: 0, online: true, problem: null };
  private readonly listeners = new Set<Listener>();
  private readonly settledListeners = new Set<SettledListener>();
  private readonly waiters = new Map<string, ((outcome: FinalOutcome | undefined) => void)[]>();

  constructor(private readonly deps: OutboxDeps) {}

  /** Loads what an earlier page left unsent and starts sending. Idempotent. */
  start(online = true): void {
    if (this.started) return;
    this.started = true;
    this.online = online;
    for (const entry of parseStored(this.deps.storage?.read())) {
      if (!this.known.has(entry.id)) {
        this.known.add(entry.id);
        this.entries.push(entry);
      }
    }
    this.changed(false);
    this.pump();
  }

  /** Stops timers (the entries stay in storage for the next page). */
  stop(): void {
    this.started = false;
    this.cancelTimer();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with each grade the outbox is done with: saved, or dropped with the reason. */
  onSettled(listener: SettledListener): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /** A stable snapshot (same object until something changes), for useSyncExternalStore. */
  getStatus = (): OutboxStatus => this.status;

  list(): readonly OutboxEntry[] {
    return this.entries;
  }

  has(id: string): boolean {
    return this.entries.some((e) => e.id === id);
  }

  /** Queues a grade; false if one with this id is already queued (a double submit). */
  add(entry: OutboxEntry): boolean {
    if (this.known.has(entry.id)) return false;
    this.known.add(entry.id);
    this.entries.push(entry);
    this.changed(true);
    this.pump();
    return true;
  }

  /**
   * Takes back a grade that was not sent yet (undo). A grade being sent cannot be taken
   * back here: wait for `settled(id)` and undo it on the server.
   */
  remove(id: string): "removed" | "in-flight" | "absent" {
    if (this.inFlight === id) return "in-flight";
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.id !== id);
    if (this.entries.length === before) return "absent";
    this.changed(true);
    return "removed";
  }

  /** Resolves when the grade has left the outbox (undefined if it is not in it). */
  settled(id: string): Promise<FinalOutcome | undefined> {
    if (!this.has(id)) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
  }

  /** The browser's online/offline events: coming back online sends at once. */
  setOnline(online: boolean): void {
    this.online = online;
    if (online) {
      this.failures = 0;
      this.cancelTimer();
      this.pump();
    }
    this.changed(false);
  }

  /** Sends now instead of waiting for the backoff timer. */
  flush(): void {
    this.cancelTimer();
    this.pump();
  }

  private pump(): void {
    if (!this.started || this.inFlight !== null || this.timer !== null) return;
    const head = this.entries[0];
    if (!head) return;
    this.inFlight = head.id;
    void this.deps
      .send(head)
      .catch((err: unknown): SendOutcome => ({ kind: "retry", reason: "network", message: String(err) }))
      .then((outcome) => this.handle(head, outcome));
  }

  private handle(entry: OutboxEntry, outcome: SendOutcome): void {
    this.inFlight = null;
    if (outcome.kind === "retry" || outcome.kind === "unauthenticated") {
      this.failures += 1;
      if (outcome.kind === "retry" && outcome.reason === "network") {
        this.online = false;
        this.problem = null;
      } else {
        // The server answered, so the network is up; the grade waits for the server (or a sign-in).
        this.online = true;
        this.problem = { kind: outcome.kind === "retry" ? "server" : "unauthenticated", message: outcome.message };
      }
      this.changed(false);
      if (this.started) {
        const delay = outcome.kind === "unauthenticated" ? MAX_BACKOFF_MS : backoffMs(this.failures, this.deps.random);
        this.timer = (this.deps.setTimer ?? setTimeout)(() => {
          this.timer = null;
          this.pump();
        }, delay);
      }
      return;
    }
    // Any answer about this grade means the network and the server are fine.
    this.failures = 0;
    this.online = true;
    this.problem = null;
    this.entries = this.entries.filter((e) => e.id !== entry.id);
    this.changed(true);
    for (const listener of this.settledListeners) listener(entry, outcome);
    for (const resolve of this.waiters.get(entry.id) ?? []) resolve(outcome);
    this.waiters.delete(entry.id);
    this.pump();
  }

  private cancelTimer(): void {
    if (this.timer !== null) (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  private changed(persist: boolean): void {
    if (persist) this.persist();
    const next: OutboxStatus = { pending: this.entries.length, online: this.online, problem: this.problem };
    const prev = this.status;
    if (prev.pending === next.pending && prev.online === next.online && prev.problem?.kind === next.problem?.kind && prev.problem?.message === next.problem?.message) {
      return;
    }
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  /**
   * Writes our entries, keeping those another tab of the same learner stored (ids we
   * never knew): otherwise two tabs would erase each other's unsent grades.
   */
  private persist(): void {
    const storage = this.deps.storage;
    if (!storage) return;
    const others = parseStored(storage.read()).filter((e) => !this.known.has(e.id));
    storage.write([...others, ...this.entries]);
  }
}

/** localStorage under one key per learner; quietly memory-only where storage is unavailable. */
export function localStorageFor(key: string): OutboxStorage {
  return {
    read() {
      try {
        const text = globalThis.localStorage?.getItem(key);
        return text ? (JSON.parse(text) as unknown) : [];
      } catch {
        return [];
      }
    },
    write(entries) {
      try {
        if (entries.length === 0) globalThis.localStorage?.removeItem(key);
        else globalThis.localStorage?.setItem(key, JSON.stringify(entries));
      } catch {
        // Private mode or a full quota: the grades still go out from memory.
      }
    },
  };
}

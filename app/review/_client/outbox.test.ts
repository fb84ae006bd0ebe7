import { describe, expect, it } from "vitest";
import { backoffMs, MAX_BACKOFF_MS, Outbox, parseStored, type OutboxEntry, type OutboxStorage, type SendOutcome } from "./outbox";

function entry(n: number, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return { id: `key-0000-${n}`, cardId: `card-${n}`, rating: 3, expectedVersion: 0, durationMs: 1000, queue: "new", subject: `Subject ${n}`, createdAt: n, ...over };
}

function memoryStorage(initial: unknown = []): OutboxStorage & { value: unknown } {
  const s = {
    value: initial,
    read: () => s.value,
    write: (entries: OutboxEntry[]) => {
      s.value = JSON.parse(JSON.stringify(entries)) as unknown;
    },
  };
  return s;
}

/** A send function the test answers by hand, plus manual timers. */
function harness(storage = memoryStorage()) {
  const calls: { entry: OutboxEntry; answer: (o: SendOutcome) => void; fail: (e: unknown) => void }[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const outbox = new Outbox({
    send: (e) => new Promise<SendOutcome>((resolve, reject) => calls.push({ entry: e, answer: resolve, fail: reject })),
    storage,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
    random: () => 1,
  });
  const settled: [string, string][] = [];
  outbox.onSettled((e, o) => settled.push([e.id, o.kind]));
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const fireTimers = async () => {
    for (const t of timers.splice(0)) if (!t.cleared) t.fn();
    await tick();
  };
  const call = (i: number) => {
    const c = calls[i];
    if (!c) throw new Error(`no send #${i}`);
    return c;
  };
  const timer = (i: number) => {
    const t = timers[i];
    if (!t) throw new Error(`no timer #${i}`);
    return t;
  };
  return { outbox, calls, call, timers, timer, settled, storage, tick, fireTimers };
}

describe("Outbox", () => {
  it("sends one grade at a time, oldest first", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.add(entry(1));
    h.outbox.add(entry(2));
    h.outbox.add(entry(3));
    expect(h.calls.map((c) => c.entry.id)).toEqual(["key-0000-1"]);
    h.call(0).answer({ kind: "saved", version: 1 });
    await h.tick();
    expect(h.calls.map((c) => c.entry.id)).toEqual(["key-0000-1", "key-0000-2"]);
    h.call(1).answer({ kind: "saved", version: 1 });
    await h.tick();
    h.call(2).answer({ kind: "saved", version: 1 });
    await h.tick();
    expect(h.settled).toEqual([
      ["key-0000-1", "saved"],
      ["key-0000-2", "saved"],
      ["key-0000-3", "saved"],
    ]);
    expect(h.outbox.getStatus()).toEqual({ pending: 0, online: true, problem: null });
  });

  it("keeps a grade through network failures and retries it first, with growing backoff", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.add(entry(1));
    h.outbox.add(entry(2));
    h.call(0).fail(new TypeError("Failed to fetch"));
    await h.tick();
    expect(h.outbox.getStatus()).toMatchObject({ pending: 2, online: false });
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);
    await h.fireTimers();
    expect(h.calls.map((c) => c.entry.id)).toEqual(["key-0000-1", "key-0000-1"]);
    h.call(1).answer({ kind: "retry", reason: "server", message: "503" });
    await h.tick();
    expect(h.outbox.getStatus()).toMatchObject({ pending: 2, online: true, problem: { kind: "server" } });
    expect(h.timers.map((t) => t.ms)).toEqual([2000]);
    await h.fireTimers();
    h.call(2).answer({ kind: "saved", version: 1 });
    await h.tick();
    expect(h.calls.map((c) => c.entry.id)).toEqual(["key-0000-1", "key-0000-1", "key-0000-1", "key-0000-2"]);
    // Every attempt of one grade carries the same idempotency key.
    expect(new Set(h.calls.slice(0, 3).map((c) => c.entry.id)).size).toBe(1);
  });

  it("coming back online sends at once instead of waiting for the backoff", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.add(entry(1));
    h.call(0).fail(new TypeError("offline"));
    await h.tick();
    h.outbox.setOnline(true);
    expect(h.timer(0).cleared).toBe(true);
    expect(h.calls).toHaveLength(2);
  });

  it("drops a grade the server refuses or that conflicts, and goes on with the next", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.add(entry(1));
    h.outbox.add(entry(2));
    h.outbox.add(entry(3));
    h.call(0).answer({ kind: "conflict", message: "graded elsewhere", currentVersion: 4 });
    await h.tick();
    h.call(1).answer({ kind: "refused", status: 404, message: "No such card." });
    await h.tick();
    h.call(2).answer({ kind: "saved", version: 1 });
    await h.tick();
    expect(h.settled).toEqual([
      ["key-0000-1", "conflict"],
      ["key-0000-2", "refused"],
      ["key-0000-3", "saved"],
    ]);
  });

  it("keeps grades while signed out and says why", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.add(entry(1));
    h.call(0).answer({ kind: "unauthenticated", message: "Sign in first." });
    await h.tick();
    expect(h.outbox.getStatus()).toMatchObject({ pending: 1, problem: { kind: "unauthenticated" } });
    expect(h.timers.map((t) => t.ms)).toEqual([MAX_BACKOFF_MS]);
  });

  it("ignores a second grade with the same id", () => {
    const h = harness();
    h.outbox.start();
    expect(h.outbox.add(entry(1))).toBe(true);
    expect(h.outbox.add(entry(1))).toBe(false);
    expect(h.outbox.getStatus().pending).toBe(1);
  });

  it("takes back an unsent grade but not the one in flight", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.add(entry(1));
    h.outbox.add(entry(2));
    expect(h.outbox.remove("key-0000-2")).toBe("removed");
    expect(h.outbox.remove("key-0000-1")).toBe("in-flight");
    expect(h.outbox.remove("nope-nope")).toBe("absent");
    const done = h.outbox.settled("key-0000-1");
    h.call(0).answer({ kind: "saved", version: 1 });
    await expect(done).resolves.toEqual({ kind: "saved", version: 1 });
    await h.tick();
    expect(h.calls).toHaveLength(1);
  });

  it("persists unsent grades and picks them up on the next page, in order", async () => {
    const storage = memoryStorage();
    const first = harness(storage);
    first.outbox.start(false);
    first.outbox.add(entry(1));
    first.outbox.add(entry(2));
    first.call(0).fail(new TypeError("offline"));
    await first.tick();
    first.outbox.stop();
    expect(parseStored(storage.value).map((e) => e.id)).toEqual(["key-0000-1", "key-0000-2"]);

    const second = harness(storage);
    second.outbox.start();
    expect(second.calls.map((c) => c.entry.id)).toEqual(["key-0000-1"]);
    second.call(0).answer({ kind: "saved", version: 1 });
    await second.tick();
    second.call(1).answer({ kind: "saved", version: 1 });
    await second.tick();
    expect(storage.value).toEqual([]);
  });

  it("does not erase grades another tab stored under the same key", () => {
    const storage = memoryStorage();
    const a = harness(storage);
    const b = harness(storage);
    a.outbox.start();
    b.outbox.start();
    a.outbox.add(entry(1));
    b.outbox.add(entry(2));
    expect(parseStored(storage.value).map((e) => e.id).sort()).toEqual(["key-0000-1", "key-0000-2"]);
    expect(a.outbox.remove("key-0000-1")).toBe("in-flight");
  });

  it("skips malformed or duplicate stored entries", () => {
    expect(parseStored("nonsense")).toEqual([]);
    expect(parseStored([entry(1), { id: "x" }, entry(1), { ...entry(2), rating: 7 }]).map((e) => e.id)).toEqual(["key-0000-1"]);
  });

  it("backs off exponentially up to a cap", () => {
    const max = () => 1;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffMs(n, max))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffMs(1, () => 0)).toBe(500);
  });
});

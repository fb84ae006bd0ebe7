import { describe, expect, it } from "vitest";
import { CardPhase, type SrsState } from "@/lib/srs/state";
import { buildQueue, dueCutoff, learnAheadCutoff, remainingToday, type QueueInput } from "./queue";
import { reviewSettingsSchema, type ReviewSettings } from "@/lib/learner/settings";

const at = (iso: string) => new Date(iso);

function card(cardId: string, state: CardPhase, due: string) {
  const srs: SrsState = {
    due: at(due),
    stability: 3,
    difficulty: 5,
    scheduledDays: state === CardPhase.Review ? 3 : 0,
    stepIndex: 0,
    reps: 2,
    lapses: 0,
    state,
    lastReview: at("2025-12-01T00:00:00Z"),
  };
  return { cardId, state: srs };
}
const learning = (id: string, due: string) => card(id, CardPhase.Learning, due);
const relearning = (id: string, due: string) => card(id, CardPhase.Relearning, due);
const review = (id: string, due: string) => card(id, CardPhase.Review, due);

const settings = (overrides: Partial<ReviewSettings> = {}): ReviewSettings =>
  reviewSettingsSchema.parse({ timezone: "America/New_York", rolloverHour: 4, ...overrides });

function queue(input: Partial<QueueInput> & Pick<QueueInput, "now">) {
  return buildQueue({ settings: settings(), states: [], newCardIds: [], doneToday: { newCount: 0, reviewCount: 0 }, ...input });
}
const ids = (q: ReturnType<typeof buildQueue>) => q.cards.map((entry) => entry.cardId);

describe("buildQueue ordering", () => {
  // 15:00 EST on Thursday 2026-01-15; the learner day ends 04:00 EST Friday = 09:00Z.
  const now = at("2026-01-15T20:00:00Z");
  const states = [
    review("r-late", "2026-01-16T08:00:00Z"),
    learning("l-ahead", "2026-01-15T20:10:00Z"),
    review("r-early", "2026-01-10T12:00:00Z"),
    relearning("rl-now", "2026-01-15T19:00:00Z"),
    learning("l-now", "2026-01-15T19:59:00Z"),
    learning("l-later", "2026-01-15T21:00:00Z"),
    review("r-tomorrow", "2026-01-16T09:00:00Z"),
    review("r-mid", "2026-01-15T12:00:00Z"),
  ];

  it("puts due (re)learning first, then due reviews, then new cards, then learn-ahead", () => {
    const q = queue({ now, states, newCardIds: ["n1", "n2", "n3"] });
    expect(q.cards).toEqual([
      { cardId: "rl-now", kind: "learning" },
      { cardId: "l-now", kind: "learning" },
      { cardId: "r-early", kind: "review" },
      { cardId: "r-mid", kind: "review" },
      { cardId: "r-late", kind: "review" },
      { cardId: "n1", kind: "new" },
      { cardId: "n2", kind: "new" },
      { cardId: "n3", kind: "new" },
      { cardId: "l-ahead", kind: "learning" },
    ]);
    expect(q.counts).toEqual({ learning: 3, review: 3, new: 3 });
  });

  it("breaks ties in due date by card id, whatever the input order", () => {
    const same = "2026-01-15T10:00:00Z";
    const q = queue({ now, states: [review("b", same), review("c", same), review("a", same)] });
    expect(ids(q)).toEqual(["a", "b", "c"]);
  });

  it("keeps new cards in deck order and never lists a studied card as new", () => {
    const q = queue({ now, states: [review("x", "2027-01-01T00:00:00Z"), card("odd", CardPhase.New, "2026-01-01T00:00:00Z")], newCardIds: ["c", "x", "a", "b"] });
    expect(ids(q)).toEqual(["odd", "c", "a", "b"]);
  });
});

describe("buildQueue limits", () => {
  const now = at("2026-01-15T20:00:00Z");
  const reviews = ["a", "b", "c", "d", "e"].map((id, i) => review(id, `2026-01-1${i}T12:00:00Z`));
  const learningCards = [learning("l1", "2026-01-15T19:00:00Z"), relearning("l2", "2026-01-15T19:30:00Z")];

  it("takes only what is left of reviewsPerDay and newPerDay today; learning is never held back", () => {
    const q = queue({
      now,
      settings: settings({ reviewsPerDay: 10, newPerDay: 4 }),
      states: [...reviews, ...learningCards],
      newCardIds: ["n1", "n2", "n3", "n4"],
      doneToday: { newCount: 2, reviewCount: 7 },
    });
    expect(ids(q)).toEqual(["l1", "l2", "a", "b", "c", "n1", "n2"]);
    expect(q.counts).toEqual({ learning: 2, review: 3, new: 2 });
  });

  it("shows nothing new or due once a limit is used up (or exceeded after a settings change)", () => {
    const q = queue({
      now,
      settings: settings({ reviewsPerDay: 5, newPerDay: 0 }),
      states: [...reviews, ...learningCards],
      newCardIds: ["n1"],
      doneToday: { newCount: 3, reviewCount: 9 },
    });
    expect(ids(q)).toEqual(["l1", "l2"]);
    expect(remainingToday(settings({ reviewsPerDay: 5, newPerDay: 0 }), { newCount: 3, reviewCount: 9 })).toEqual({ newCards: 0, reviews: 0 });
  });

  it("`limit` shortens the list but the counts still say what is left today", () => {
    const q = queue({ now, states: [...reviews, ...learningCards], newCardIds: ["n1", "n2"], limit: 3 });
    expect(ids(q)).toEqual(["l1", "l2", "a"]);
    expect(q.counts).toEqual({ learning: 2, review: 5, new: 2 });
    expect(queue({ now, states: reviews, limit: 0 }).cards).toEqual([]);
  });

  it("learning cards come due by the minute: only due now or within the learn-ahead window", () => {
    expect(learnAheadCutoff(now)).toEqual(at("2026-01-15T20:20:00Z"));
    const q = queue({ now, states: [learning("in20", "2026-01-15T20:20:00Z"), learning("in21", "2026-01-15T20:21:00Z")] });
    expect(ids(q)).toEqual(["in20"]);
  });
});

describe("buildQueue day boundaries", () => {
  it("includes reviews due before the learner day ends at the rollover hour", () => {
    const states = [review("before-4am", "2026-01-16T08:59:00Z"), review("at-4am", "2026-01-16T09:00:00Z")];
    // Thursday 15:00 EST and Friday 03:30 EST are the same learner day (Thursday's).
    for (const now of ["2026-01-15T20:00:00Z", "2026-01-16T08:30:00Z"]) {
      expect(dueCutoff(at(now), settings())).toEqual(at("2026-01-16T09:00:00Z"));
      expect(ids(queue({ now: at(now), states }))).toEqual(["before-4am"]);
    }
    // From 04:00 EST it is Friday, which ends Saturday 04:00 EST.
    expect(dueCutoff(at("2026-01-16T09:00:00Z"), settings())).toEqual(at("2026-01-17T09:00:00Z"));
    expect(ids(queue({ now: at("2026-01-16T09:00:00Z"), states }))).toEqual(["before-4am", "at-4am"]);
  });

  it("honours another rollover hour", () => {
    const midnight = settings({ rolloverHour: 0 });
    expect(dueCutoff(at("2026-01-15T20:00:00Z"), midnight)).toEqual(at("2026-01-16T05:00:00Z"));
    const q = buildQueue({
      now: at("2026-01-15T20:00:00Z"),
      settings: midnight,
      states: [review("01am", "2026-01-16T06:00:00Z"), review("23pm", "2026-01-16T04:00:00Z")],
      newCardIds: [],
      doneToday: { newCount: 0, reviewCount: 0 },
    });
    expect(ids(q)).toEqual(["23pm"]);
  });

  it("the same moment is a different day in another time zone", () => {
    const now = at("2026-01-15T20:00:00Z"); // 15:00 in New York, 21:00 in Berlin, 07:00 (+1 day) in Sydney
    const states = [review("a", "2026-01-15T23:30:00Z"), review("b", "2026-01-16T08:00:00Z"), review("c", "2026-01-16T16:00:00Z")];
    const byZone = (timezone: string) => ids(queue({ now, settings: settings({ timezone }), states }));
    expect(byZone("Europe/Berlin")).toEqual(["a"]); // Berlin's day ends 04:00 CET = 03:00Z
    expect(byZone("America/New_York")).toEqual(["a", "b"]); // ends 09:00Z
    expect(byZone("Australia/Sydney")).toEqual(["a", "b", "c"]); // ends Jan 17 04:00 AEDT = Jan 16 17:00Z
  });

  it("New York spring-forward (2026-03-08): Saturday's learner day ends at 04:00 EDT, 23 hours long", () => {
    const now = at("2026-03-07T20:00:00Z"); // Saturday 15:00 EST
    expect(dueCutoff(now, settings())).toEqual(at("2026-03-08T08:00:00Z"));
    // 04:30 EDT Sunday is Sunday's; a 24-hour day would have wrongly included it.
    const states = [review("03:30 EDT", "2026-03-08T07:30:00Z"), review("04:30 EDT", "2026-03-08T08:30:00Z")];
    expect(ids(queue({ now, states }))).toEqual(["03:30 EDT"]);
  });

  it("New York fall-back (2026-11-01): Saturday's learner day ends at 04:00 EST, 25 hours long", () => {
    const now = at("2026-10-31T20:00:00Z"); // Saturday 16:00 EDT
    expect(dueCutoff(now, settings())).toEqual(at("2026-11-01T09:00:00Z"));
    // 03:30 EST Sunday is still Saturday's learner day; a 24-hour day would have missed it.
    const states = [review("03:30 EST", "2026-11-01T08:30:00Z"), review("04:30 EST", "2026-11-01T09:30:00Z")];
    expect(ids(queue({ now, states }))).toEqual(["03:30 EST"]);
    // At 03:30 EST itself (after the clocks went back) it is still Saturday.
    expect(dueCutoff(at("2026-11-01T08:30:00Z"), settings())).toEqual(at("2026-11-01T09:00:00Z"));
  });

  it("Berlin's changes (2026-03-29 and 2026-10-25) move the cutoff by an hour in UTC", () => {
    const berlin = settings({ timezone: "Europe/Berlin" });
    expect(dueCutoff(at("2026-03-28T12:00:00Z"), berlin)).toEqual(at("2026-03-29T02:00:00Z")); // 04:00 CEST
    expect(dueCutoff(at("2026-03-27T12:00:00Z"), berlin)).toEqual(at("2026-03-28T03:00:00Z")); // 04:00 CET
    expect(dueCutoff(at("2026-10-24T12:00:00Z"), berlin)).toEqual(at("2026-10-25T03:00:00Z")); // 04:00 CET
    const q = buildQueue({
      now: at("2026-10-24T12:00:00Z"),
      settings: berlin,
      states: [review("02:30 CET", "2026-10-25T01:30:00Z"), review("04:30 CET", "2026-10-25T03:30:00Z")],
      newCardIds: ["n"],
      doneToday: { newCount: 0, reviewCount: 0 },
    });
    expect(ids(q)).toEqual(["02:30 CET", "n"]);
  });
});

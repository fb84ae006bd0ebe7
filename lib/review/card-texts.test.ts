import { describe, expect, it } from "vitest";
import type { QueueItem } from "@/lib/api/review";
import { cardTexts, TTL_MS } from "./card-texts";

const text = (id: string, answer = "a"): QueueItem["card"] => ({
  deckId: "d", deckTitle: "Deck", kind: "TERM", subject: id, prompt: `${id}?`, answer, quote: "q", citation: null,
});

/** A loader that records what it was asked for and answers with `answer` as each card's text. */
function loader(answer: string) {
  const calls: string[][] = [];
  const load = async (ids: string[]) => {
    calls.push(ids);
    return new Map(ids.map((id) => [id, text(id, answer)]));
  };
  return { calls, load };
}

describe("cardTexts", () => {
  it("reads only the cards it has not read within the last minute, in one call", async () => {
    const t0 = 1_000_000;
    const first = loader("v1");
    expect([...(await cardTexts(["x1", "x2"], first.load, t0)).keys()]).toEqual(["x1", "x2"]);
    const second = loader("v2");
    const got = await cardTexts(["x1", "x2", "x3"], second.load, t0 + 1_000);
    expect(second.calls).toEqual([["x3"]]);
    expect(got.get("x1")!.answer).toBe("v1");
    expect(got.get("x3")!.answer).toBe("v2");
    const third = loader("v3");
    await cardTexts(["x2", "x3"], third.load, t0 + 2_000);
    expect(third.calls).toEqual([]);
  });

  it("reads a card again once its minute is up, so an edit shows", async () => {
    const t0 = 2_000_000;
    await cardTexts(["y1"], loader("old").load, t0);
    expect((await cardTexts(["y1"], loader("new").load, t0 + TTL_MS - 1)).get("y1")!.answer).toBe("old");
    const later = loader("new");
    expect((await cardTexts(["y1"], later.load, t0 + TTL_MS)).get("y1")!.answer).toBe("new");
    expect(later.calls).toEqual([["y1"]]);
  });

  it("leaves out a card the database no longer has", async () => {
    const none = async () => new Map<string, QueueItem["card"]>();
    expect((await cardTexts(["gone"], none, 3_000_000)).has("gone")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { checkStart, COUNT_MESSAGE, serverFieldErrors, TIME_MESSAGE, type StartValues } from "./start-values";

const deckId = "6f1c7c3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const base: StartValues = { source: "deck", deckId, count: "10", minutes: "5", seconds: "0" };

describe("quiz start form", () => {
  it("builds the API request for a deck or for at-risk cards", () => {
    expect(checkStart(base)).toEqual({ ok: true, body: { deckId, count: 10, timeLimitSec: 300 } });
    expect(checkStart({ ...base, source: "at-risk", deckId: "", count: " 50 ", minutes: "", seconds: "10" })).toEqual({
      ok: true,
      body: { source: "at-risk", count: 50, timeLimitSec: 10 },
    });
    expect(checkStart({ ...base, minutes: "120", seconds: "" })).toEqual({ ok: true, body: { deckId, count: 10, timeLimitSec: 7200 } });
  });

  it.each([
    [{ count: "4" }, "count", COUNT_MESSAGE],
    [{ count: "51" }, "count", COUNT_MESSAGE],
    [{ count: "7.5" }, "count", COUNT_MESSAGE],
    [{ count: "" }, "count", COUNT_MESSAGE],
    [{ minutes: "0", seconds: "9" }, "time", TIME_MESSAGE],
    [{ minutes: "120", seconds: "1" }, "time", TIME_MESSAGE],
    [{ minutes: "1", seconds: "60" }, "time", TIME_MESSAGE],
    [{ minutes: "-1", seconds: "30" }, "time", TIME_MESSAGE],
    [{ minutes: "", seconds: "" }, "time", TIME_MESSAGE],
    [{ deckId: "" }, "deckId", "Choose a deck."],
  ] as const)("refuses %o with a message for %s", (change, field, message) => {
    const result = checkStart({ ...base, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(message);
  });

  it("puts the server's field messages next to the inputs", () => {
    expect(serverFieldErrors({ count: "count must be 5–50", timeLimitSec: "x" })).toEqual({ count: COUNT_MESSAGE, time: TIME_MESSAGE });
    expect(serverFieldErrors({})).toEqual({});
  });
});

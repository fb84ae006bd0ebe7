import { describe, expect, it } from "vitest";
import { buildAliases, canonicalParty, partySetKey, sameParties } from "./parties";

describe("party lists as sets", () => {
  it("ignores order, a leading 'the', case, spacing and full stops", () => {
    expect(sameParties(["Germany", "Soviet Union"], ["the Soviet Union", "Germany"])).toBe(true);
    expect(sameParties([" germany ", "SOVIET  UNION"], ["Soviet Union", "Germany"])).toBe(true);
    expect(sameParties(["U.S.A.", "Japan"], ["Japan", "USA"])).toBe(true);
  });

  it("keeps different sets apart, including subsets", () => {
    expect(sameParties(["Germany", "Soviet Union"], ["West Germany", "Soviet Union"])).toBe(false);
    expect(sameParties(["Soviet Union", "Poland"], ["Soviet Union", "Poland", "Romania"])).toBe(false);
  });

  it("treats a repeated name as one", () => {
    expect(partySetKey(["Poland", "the Poland", "Soviet Union"])).toBe(partySetKey(["Soviet Union", "Poland"]));
  });
});

describe("buildAliases", () => {
  const aliases = buildAliases([
    ["U.S.S.R.", "Union of Soviet Socialist Republics"],
    ["Soviet Union", "Union of Soviet Socialist Republics"],
    ["DDR", "German Democratic Republic"],
  ]);

  it("chains pairs into one group", () => {
    expect(canonicalParty("USSR", aliases)).toBe(canonicalParty("the Soviet Union", aliases));
    expect(sameParties(["USSR", "DDR"], ["German Democratic Republic", "Soviet Union"], aliases)).toBe(true);
  });

  it("does not merge unrelated names", () => {
    expect(canonicalParty("DDR", aliases)).not.toBe(canonicalParty("USSR", aliases));
    expect(sameParties(["USSR", "Germany"], ["USSR", "DDR"], aliases)).toBe(false);
  });

  it("gives the same groups whatever the pair order", () => {
    const reversed = buildAliases([
      ["DDR", "German Democratic Republic"],
      ["Union of Soviet Socialist Republics", "Soviet Union"],
      ["Union of Soviet Socialist Republics", "U.S.S.R."],
    ]);
    expect([...reversed.entries()].sort()).toEqual([...aliases.entries()].sort());
  });
});

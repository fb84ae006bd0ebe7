import { describe, expect, it } from "vitest";
import { compoundParties, normaliseParties, parseList, partiesAnswer, rewriteAliases } from "./parties";
import { loadRules } from "./rules";

const gaz = loadRules().gazetteer;
const names = (text: string, allowUnknown = true) => {
  const list = parseList(text, 0, text.length, gaz, allowUnknown);
  return list ? normaliseParties(list.parties, gaz, 1930).names : null;
};

describe("party lists", () => {
  it("normalises aliases", () => {
    expect(names("the Soviet Union and Weimar Germany, confirmed")).toEqual(["Soviet Union", "Germany"]);
    expect(names("Soviet Russia and the Japanese Empire")).toEqual(["Soviet Union", "Japan"]);
    expect(names("the U.S.S.R. and Great Britain")).toEqual(["Soviet Union", "United Kingdom"]);
  });

  it("reads Oxford commas, parentheses and places", () => {
    expect(names("the Soviet Union, Britain, and Iran, 29 January 1942")).toEqual(["Soviet Union", "United Kingdom", "Iran"]);
    expect(names("the Soviet Union (Stalin), the United States (President Truman) and Great Britain (Prime Minister Attlee) on 2 August")).toEqual([
      "Soviet Union",
      "United States",
      "United Kingdom",
    ]);
    expect(names("the Governments of France and Poland")).toEqual(["France", "Poland"]);
  });

  it("accepts unknown capitalised names only when asked", () => {
    expect(names("Poland and Soviet Ukraine")).toEqual(["Poland", "Soviet Ukraine"]);
    expect(names("former General Wladislav Sikorski", false)).toBeNull();
  });

  it("lets a government-in-exile stand for its country", () => {
    const list = parseList("Czechoslovakia and the exiled Czechs in London", 0, 46, gaz, false)!;
    expect(normaliseParties(list.parties, gaz, 1941).names).toEqual(["Czechoslovak government-in-exile"]);
  });

  it("maps Russia to the Soviet Union only in the Soviet era", () => {
    const list = parseList("Russia and France", 0, 17, gaz, false)!;
    expect(normaliseParties(list.parties, gaz, 1925).names).toEqual(["Soviet Union", "France"]);
    expect(normaliseParties(list.parties, gaz, 1905).names).toEqual(["Russia", "France"]);
  });

  it("reads compound adjectives", () => {
    expect(compoundParties("Anglo-Soviet Trade Agreement", 0, gaz).parties.map((p) => p.name)).toEqual(["United Kingdom", "Soviet Union"]);
    expect(compoundParties("Non-Aggression Pact", 0, gaz).parties).toEqual([]);
  });

  it("writes answers with articles", () => {
    const n = normaliseParties(parseList("Germany and the USSR", 0, 20, gaz, false)!.parties, gaz, 1922);
    expect(partiesAnswer(n.names, n.entities)).toBe("Germany and the Soviet Union");
  });

  it("rewrites informal aliases in card text but keeps formal names", () => {
    expect(rewriteAliases("Pact between the Soviet Union and the Japanese Empire", gaz)).toBe("Pact between the Soviet Union and Japan");
    expect(rewriteAliases("Treaty with Soviet Russia", gaz)).toBe("Treaty with the Soviet Union");
    expect(rewriteAliases("the Union of Soviet Socialist Republics", gaz)).toBe("the Union of Soviet Socialist Republics");
  });
});

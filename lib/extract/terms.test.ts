import { describe, expect, it } from "vitest";
import { extractCards } from "./extract";
import { loadRules } from "./rules";

const rules = loadRules();
const terms = (text: string) =>
  extractCards({ name: "t", text }, rules).cards.flatMap((c) => (c.kind === "term" ? [{ term: c.term, definition: c.definition, prompt: c.prompt }] : []));

describe("terms", () => {
  it("reads an acronym after its full name", () => {
    expect(terms("In 1922 the Union of Soviet Socialist Republics (USSR) was established.")).toEqual([
      { term: "USSR", definition: "Union of Soviet Socialist Republics", prompt: "What does USSR stand for?" },
    ]);
  });

  it("accepts a translated acronym with the same number of words", () => {
    expect(terms("Sovereignty passed to the German Democratic Republic (DDR), 25 March 1954.")[0]).toMatchObject({ term: "DDR" });
  });

  it("reads 'X, short for Y'", () => {
    expect(terms("The Soviet Union, short for the Union of Soviet Socialist Republics, lasted until 1991.")[0]).toEqual({
      term: "Soviet Union",
      definition: "Union of Soviet Socialist Republics",
      prompt: "What is the full name of the Soviet Union?",
    });
  });

  it("reads a gloss in either order", () => {
    expect(terms("Terror was directed towards former capitalists and well-to-do farmers (kulaks).")).toEqual([
      { term: "kulaks", definition: "well-to-do farmers", prompt: "What were the kulaks?" },
    ]);
    expect(terms("Gorbachev promoted perestroika (restructuring of the economy).")[0]).toMatchObject({
      term: "perestroika",
      definition: "restructuring of the economy",
    });
  });

  it("reads 'known as'", () => {
    expect(terms("The richer peasants, known as kulaks, were deported.")[0]).toMatchObject({ term: "kulaks", definition: "richer peasants" });
  });

  it("ignores asides that are not glosses", () => {
    expect(terms("bases for the development of prohibited (to them) types of weapons.")).toEqual([]);
    expect(terms("signed by the Soviet Union (Stalin) and Great Britain.")).toEqual([]);
  });
});

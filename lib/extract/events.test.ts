import { describe, expect, it } from "vitest";
import { extractCards } from "./extract";
import { loadRules } from "./rules";

const rules = loadRules();
const dates = (text: string) =>
  extractCards({ name: "e", text }, rules).cards.flatMap((c) => (c.kind === "date" ? [`${c.prompt} ${c.answer}`] : []));

describe("dated events in prose", () => {
  it("reads 'the death of X in YEAR'", () => {
    expect(dates("After the death of Lenin in 1924, a power struggle began.")).toEqual(["When did Lenin die? 1924"]);
  });

  it("reads 'In YEAR the X was established'", () => {
    expect(dates("In 1922 the Union of Soviet Socialist Republics (USSR) was established through an amalgamation.")).toEqual([
      "When was the Union of Soviet Socialist Republics established? 1922",
    ]);
  });

  it("reads 'X was VERBed on DATE'", () => {
    expect(dates("The Soviet Union was dissolved on 26 December 1991.")).toEqual(["When was the Soviet Union dissolved? 26 December 1991"]);
  });

  it("reads a known party doing something on a date", () => {
    expect(dates("The USSR eventually broke down and formally ceased to exist in 1991.")).toEqual([
      "When did the USSR formally cease to exist? 1991",
    ]);
  });

  it("reads 'the YEAR Treaty of X' and 'the X, YEAR'", () => {
    expect(dates("The purpose of the 1926 Treaty of Berlin was to stabilise relations.")).toEqual(["When was the Treaty of Berlin signed? 1926"]);
    expect(dates("It followed the October Revolution, 1917, and the Russian Civil War (1917–1922).").sort()).toEqual([
      "When did the October Revolution take place? 1917",
      "When did the Russian Civil War take place? 1917–1922",
    ]);
  });

  it("does not attach a date to a treaty merely mentioned in the sentence", () => {
    expect(dates("In 1939 it recovered the territory it had lost to Poland in the Treaty of Riga.")).toEqual([]);
    expect(dates("The November 1917 Revolution toppled the government.")).toEqual([]);
  });
});

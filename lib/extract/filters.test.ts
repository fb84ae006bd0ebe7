import { describe, expect, it } from "vitest";
import { buildCleanText, collapse } from "./clean";
import { findFigure, hatefulVerdict, sentenceVerdict } from "./filters";
import { findQuotedSpans } from "./quotes";
import { loadRules } from "./rules";

const rules = loadRules();
const whole = (t: string) => ({ start: 0, end: t.length });
const verdict = (t: string, citation?: string) =>
  sentenceVerdict(
    { raw: t, clean: buildCleanText(t, rules, { units: [whole(t)] }), quotes: findQuotedSpans(t, 0, t.length), sentence: whole(t), text: t, citation: citation ? { citation, unresolved: false } : { unresolved: false } },
    rules,
  );

describe("clean text", () => {
  const clean = (t: string) => collapse(buildCleanText(t, rules, { units: [whole(t)] }));

  it("keeps offsets: same length as the original", () => {
    const t = "the so-called and illegal Polish Government-in-Exile[27]";
    expect(buildCleanText(t, rules, { units: [whole(t)] })).toHaveLength(t.length);
  });

  it("strips loaded qualifiers, dangling 'and', markers and bracket debris", () => {
    expect(clean("between the Soviet Union and the so-called and illegal Polish Government-in-Exile.[27]")).toBe(
      "between the Soviet Union and the Polish Government-in-Exile.",
    );
    expect(clean("the so-called and Polish Government-in-Exile")).toBe("the Polish Government-in-Exile");
    expect(clean("Czechoslovak-Soviet [military] Agreement signed by the [[illegal] exiled Czechs")).toBe(
      "Czechoslovak-Soviet Agreement signed by the exiled Czechs",
    );
    expect(clean("imposed by the Western plutocratic Allies")).toBe("imposed by the Western Allies");
    expect(clean("see [[Treaty of Riga|the Riga treaty]] and [Tartu](https://x.org/t)")).toBe("see the Riga treaty and Tartu");
  });

  it("drops scare quotes but keeps a quoted proper name", () => {
    expect(clean("administration of 'liberated' Czechoslovak territories")).toBe("administration of Czechoslovak territories");
    expect(clean("they concluded the 'Treaty of Rapallo' agreeing")).toBe("they concluded the Treaty of Rapallo agreeing");
    expect(clean("Hungary’s Regent")).toBe("Hungary’s Regent");
  });
});

describe("sentence filters", () => {
  it("skips quotations and attributed speech", () => {
    expect(verdict('In his letter he said that "for fifteen years Soviet Russia has been conducting a war".')?.reason).toBe("quotation");
    expect(verdict("Germany also exchanged notes saying that it would oppose it.")?.reason).toBe("quotation");
    expect(verdict("Admiral Horthy wrote to twenty-three heads of state in October 1932.")?.reason).toBe("quotation");
  });

  it("skips opinion", () => {
    expect(verdict("The Soviet Union is notorious for the largest atrocities.")).toMatchObject({ reason: "opinion", detail: "is notorious" });
    expect(verdict("This action was entirely illegal.")?.reason).toBe("opinion");
    expect(verdict("Entirely illegal.")?.reason).toBe("opinion");
  });

  it("no longer skips a sentence for its figure: the figure is kept off the cards instead", () => {
    expect(verdict("They murdered 66 million of their own citizens.[2]")).toBeNull();
    expect(verdict("Treaty of Rapallo, 16 April 1922.")).toBeNull();
  });

  it("skips a sentence that is mostly a quotation, not one that quotes a few words", () => {
    expect(verdict('He said: "we shall fight on the beaches and in the fields".')?.reason).toBe("quotation");
    expect(verdict('Colonists protested under the slogan "No taxation without representation," and the act was repealed in March 1766 after long debates in Parliament.')).toBeNull();
  });

  it("counts numbers, not dates, as figures", () => {
    expect(findFigure("signed 2nd May 1935 and 1920-1922", rules)).toBeNull();
    expect(findFigure("200,000 members", rules)).toBe("200,000");
    expect(findFigure("millions perished", rules)).toBe("millions");
    expect(findFigure("The famine killed 3 million people.", rules)).toBe("3 million");
  });

  it("does not count a day and month, a citation's page or a number word in a name as a figure", () => {
    expect(findFigure("On 12 March German troops crossed the border.", rules)).toBeNull();
    expect(findFigure("The Thirty Years' War ended at Westphalia.", rules)).toBeNull();
  });
});

describe("hateful passages", () => {
  it("flags a trigger phrase", () => {
    expect(hatefulVerdict("In Russia, international misfits provided the leadership", rules)?.reason).toBe("hateful");
  });
  it("flags a group term together with a cue", () => {
    expect(hatefulVerdict("Jews played a role in Soviet Communism", rules)?.reason).toBe("hateful");
  });
  it("does not flag history that merely names a group", () => {
    expect(hatefulVerdict("The Nazis murdered six million Jews in the Holocaust.", rules)).toBeNull();
  });
});

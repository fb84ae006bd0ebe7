import { describe, expect, it } from "vitest";
import { compileRules, loadRuleData, parseRuleData } from "./rules";

describe("rules", () => {
  it("loads and validates the default rule files", () => {
    const data = loadRuleData();
    expect(data.events.heads.some((h) => h.words.includes("Treaty"))).toBe(true);
    expect(() => compileRules(data)).not.toThrow();
  });

  it("names the file and field of an invalid rule", () => {
    const data = loadRuleData();
    expect(() => parseRuleData({ ...data, qualifiers: { phrases: ["ok"], patterns: ["(unclosed"] } })).toThrow(
      /qualifiers\.json: patterns\.0: not a valid regular expression/,
    );
  });

  it("treats phrases literally", () => {
    const data = loadRuleData();
    const rules = compileRules({ ...data, qualifiers: { phrases: ["a.b"], patterns: [], loaded: [] } });
    expect(rules.qualifiers.find("axb")).toBeNull();
    expect(rules.qualifiers.find("see a.b here")?.text).toBe("a.b");
  });
});

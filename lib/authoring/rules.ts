// The extractor's rules for the app: the rule files are imported (bundled with the
// server code) rather than read from content/rules at run time, so they work wherever
// the build runs. Compiled once per process.
import events from "@/content/rules/events.json";
import filters from "@/content/rules/filters.json";
import hateful from "@/content/rules/hateful.json";
import qualifiers from "@/content/rules/qualifiers.json";
import terms from "@/content/rules/terms.json";
import { compileRules, parseRuleData, type RuleSet } from "@/lib/extract/rules";

let compiled: RuleSet | undefined;

export function extractionRules(): RuleSet {
  compiled ??= compileRules(parseRuleData({ events, filters, hateful, qualifiers, terms }));
  return compiled;
}

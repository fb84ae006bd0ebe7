import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { anyOf, compilePhrases, isValidRegex, phraseSource, type PhraseMatcher } from "./phrases";

/**
 * Source-critical rules live as JSON in content/rules/ so teachers can edit
 * them; this module validates them (zod) and compiles them once. The extractor
 * only ever sees a compiled RuleSet, so tests can pass custom rules.
 */

const phrases = z.array(z.string().trim().min(1)).default([]);
const patterns = z.array(z.string().min(1).refine(isValidRegex, { message: "not a valid regular expression" })).default([]);
const phraseGroup = z.object({ phrases, patterns });

export const qualifiersFileSchema = phraseGroup.extend({ loaded: phrases });

export const filtersFileSchema = z.object({
  opinion: phraseGroup,
  attribution: phraseGroup,
  quotation: z.object({ minWords: z.number().int().min(1).default(4) }),
  figures: z.object({ numberWords: phrases }),
  backMatterHeadings: phrases,
});

export const hatefulFileSchema = z.object({ phrases, patterns, groups: phrases, cues: phrases });

export const eventsFileSchema = z.object({
  heads: z.array(z.strictObject({ class: z.string().min(1), verb: z.string().min(1), words: phrases })),
  intransitiveVerbs: phrases,
  nonEventVerbs: phrases,
  signVerbs: phrases,
  eventNouns: z.array(z.strictObject({ noun: z.string().min(1), prompt: z.string().includes("{x}") })),
  infobox: z.object({
    dates: z.array(z.strictObject({ key: z.string().min(1), verb: z.string().min(1).optional(), noun: z.string().optional() })),
    parties: phrases,
  }),
});

export const termsFileSchema = z.object({ notTerms: phrases, personNouns: phrases, offices: phrases, placeNouns: phrases, notGlosses: phrases, containerNouns: phrases, clauseNouns: phrases });

/** A head word's class and the verb of its default question. */
export interface HeadWord {
  class: string;
  verb: string;
}

/** The raw, validated contents of content/rules/*.json. */
export interface RuleData {
  qualifiers: z.infer<typeof qualifiersFileSchema>;
  filters: z.infer<typeof filtersFileSchema>;
  hateful: z.infer<typeof hatefulFileSchema>;
  events: z.infer<typeof eventsFileSchema>;
  terms: z.infer<typeof termsFileSchema>;
}

export interface RuleSet {
  data: RuleData;
  qualifiers: PhraseMatcher;
  opinion: PhraseMatcher;
  attribution: PhraseMatcher;
  hatefulPhrases: PhraseMatcher;
  hatefulGroups: PhraseMatcher;
  hatefulCues: PhraseMatcher;
  numberWords: PhraseMatcher;
  quotationMinWords: number;
  backMatterHeadings: Set<string>;
  /** Head words of event names, lower-cased. */
  heads: Map<string, HeadWord>;
  intransitiveVerbs: Set<string>;
  nonEventVerbs: Set<string>;
  signVerbs: Set<string>;
  eventNouns: Map<string, string>;
  infoboxDates: Map<string, { verb?: string | undefined; noun?: string | undefined }>;
  infoboxParties: Set<string>;
  notTerms: Set<string>;
  /** Head nouns of descriptions of people, places and whole clauses: "the president", "the capital of …", "a point that …". */
  notDefinitionHeads: Set<string>;
  notGlosses: Set<string>;
  /** "the period of détente": the term is what follows "of". */
  containerNouns: Set<string>;
  /** Titles held by one person at a time: "the king" stands for the king the text named. */
  offices: Set<string>;
}

const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));

/** "The treaty was shameful", "it was a most heroic act": a loaded word said of something is an opinion. */
function predicated(loaded: readonly string[]): PhraseMatcher {
  if (loaded.length === 0) return compilePhrases([]);
  const words = loaded.map(phraseSource).join("|");
  return compilePhrases([], [`\\b(?:is|was|were|are|been|be|seems?|seemed|remains?|remained)\\s+(?:(?:a|an|the|most|truly|very|so|quite|utterly|deeply|thoroughly|simply)\\s+)*(?:${words})\\b`]);
}

export function compileRules(data: RuleData): RuleSet {
  return {
    data,
    qualifiers: anyOf(compilePhrases(data.qualifiers.phrases, data.qualifiers.patterns), compilePhrases(data.qualifiers.loaded, [], true)),
    opinion: anyOf(compilePhrases(data.filters.opinion.phrases, data.filters.opinion.patterns), predicated(data.qualifiers.loaded)),
    attribution: compilePhrases(data.filters.attribution.phrases, data.filters.attribution.patterns),
    hatefulPhrases: compilePhrases(data.hateful.phrases, data.hateful.patterns),
    hatefulGroups: compilePhrases(data.hateful.groups),
    hatefulCues: compilePhrases(data.hateful.cues),
    numberWords: compilePhrases(data.filters.figures.numberWords),
    quotationMinWords: data.filters.quotation.minWords,
    backMatterHeadings: lower(data.filters.backMatterHeadings),
    heads: new Map(data.events.heads.flatMap((h) => h.words.map((w) => [w.toLowerCase(), { class: h.class, verb: h.verb }] as const))),
    intransitiveVerbs: lower(data.events.intransitiveVerbs),
    nonEventVerbs: lower(data.events.nonEventVerbs),
    signVerbs: lower(data.events.signVerbs),
    eventNouns: new Map(data.events.eventNouns.map((n) => [n.noun.toLowerCase(), n.prompt])),
    infoboxDates: new Map(data.events.infobox.dates.map((d) => [d.key.toLowerCase(), { verb: d.verb, noun: d.noun }])),
    infoboxParties: lower(data.events.infobox.parties),
    notTerms: lower(data.terms.notTerms),
    notDefinitionHeads: lower([...data.terms.personNouns, ...data.terms.placeNouns, ...data.terms.clauseNouns]),
    notGlosses: lower(data.terms.notGlosses),
    containerNouns: lower(data.terms.containerNouns),
    offices: lower(data.terms.offices),
  };
}

/**
 * content/rules, resolved only when a caller relies on the default: bundled app code has
 * no import.meta.dirname at module load (it compiles imported rule JSON instead, see
 * lib/authoring/rules.ts).
 */
const defaultRulesDir = (): string => path.resolve(import.meta.dirname, "../../content/rules");

const FILES = {
  qualifiers: ["qualifiers.json", qualifiersFileSchema],
  filters: ["filters.json", filtersFileSchema],
  hateful: ["hateful.json", hatefulFileSchema],
  events: ["events.json", eventsFileSchema],
  terms: ["terms.json", termsFileSchema],
} as const;

/** Validate raw JSON values into RuleData; errors name the file and the field. */
export function parseRuleData(raw: Record<keyof RuleData, unknown>): RuleData {
  const out: Partial<Record<keyof RuleData, unknown>> = {};
  for (const [key, [file, schema]] of Object.entries(FILES) as [keyof RuleData, (typeof FILES)[keyof RuleData]][]) {
    const parsed = schema.safeParse(raw[key]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`content/rules/${file}: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"}`);
    }
    out[key] = parsed.data;
  }
  return out as RuleData;
}

/** Read and validate the rule files in `dir` (default: content/rules). */
export function loadRuleData(dir: string = defaultRulesDir()): RuleData {
  const raw = {} as Record<keyof RuleData, unknown>;
  for (const [key, [file]] of Object.entries(FILES) as [keyof RuleData, readonly [string, unknown]][]) {
    const full = path.join(dir, file);
    try {
      raw[key] = JSON.parse(readFileSync(full, "utf8"));
    } catch (err) {
      throw new Error(`content/rules/${file}: ${(err as Error).message}`);
    }
  }
  return parseRuleData(raw);
}

let cached: { dir: string; rules: RuleSet } | null = null;

/** Load and compile the rules (cached per directory: compiling is the expensive part). */
export function loadRules(dir: string = defaultRulesDir()): RuleSet {
  if (cached && cached.dir === dir) return cached.rules;
  const rules = compileRules(loadRuleData(dir));
  cached = { dir, rules };
  return rules;
}

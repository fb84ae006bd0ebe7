import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { extractCards } from "./extract";
import { parseFrontMatter } from "./frontmatter";
import type { RuleSet } from "./rules";
import { SELECT_CONFIDENCE, partialDateSchema, type Card, type ExtractResult } from "./types";

/**
 * Recall and precision of the extractor against hand-written labels
 * (content/labels/*.json). Used by lib/extract/quality.test.ts and by
 * `tsx lib/cli/extract-quality.ts`.
 *
 * A card matches a label when its quote contains the label's anchor, its
 * subject contains the label's subject hint (case-insensitive) and its date is
 * equal / its party set is equal (as written, ignoring case, a leading "the"
 * and the kind of dash). Matching is one-to-one. Only the cards a teacher gets
 * pre-selected (confidence ≥ SELECT_CONFIDENCE) are scored: they are what the
 * import proposes.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const SEEDS_DIR = path.resolve(REPO_ROOT, "../shared/seeds");

const dateLabel = z.strictObject({ subject: z.string(), anchor: z.string().min(1), date: partialDateSchema });
const partiesLabel = z.strictObject({ subject: z.string(), anchor: z.string().min(1), parties: z.array(z.string()).min(2) });
const termLabel = z.strictObject({ term: z.string(), definition: z.string() });
export const labelSetSchema = z.strictObject({
  dates: z.array(dateLabel),
  parties: z.array(partiesLabel),
  terms: z.array(termLabel),
});
export type LabelSet = z.infer<typeof labelSetSchema>;

/** content/labels/<seed>.json: one label set for several copies of a document (raw seed, curated source). */
export const seedLabelsFileSchema = labelSetSchema.extend({ $comment: z.string().optional(), documents: z.array(z.string()).min(1) });
/** content/labels/testdocs.json: one label set per test document. */
export const testdocLabelsFileSchema = z.strictObject({ $comment: z.string().optional(), documents: z.record(z.string(), labelSetSchema) });
/** content/labels/corpus-*.json: the development and held-out corpus, with each document's style and forbidden strings. */
export const corpusLabelsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  documents: z.record(z.string(), labelSetSchema.extend({ style: z.string().min(1), forbidden: z.array(z.string().min(1)).default([]) })),
});

export interface Score {
  kind: "date" | "parties" | "term";
  labels: number;
  cards: number;
  matched: number;
  recall: number;
  precision: number;
  missed: string[];
  unexpected: string[];
}

/** "seeds/x.txt" → the shared seeds folder; anything else → relative to the repo. */
export function resolveDocPath(p: string): string {
  return p.startsWith("seeds/") ? path.join(SEEDS_DIR, p.slice("seeds/".length)) : path.join(REPO_ROOT, p);
}

/** Read a document as the CLI would: front matter stripped from .md files. */
export function readDocument(file: string): { name: string; text: string } {
  const raw = readFileSync(file, "utf8");
  const text = file.endsWith(".md") ? parseFrontMatter(raw).body : raw;
  return { name: path.basename(file), text };
}

const partyKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[–—‐]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = a.map(partyKey);
  const y = b.map(partyKey);
  return x.length === y.length && x.every((p) => y.includes(p));
};
const sameDate = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
const ratio = (num: number, den: number, emptyBoth: boolean) => (den === 0 ? (emptyBoth ? 1 : 0) : num / den);

function score<L>(
  kind: Score["kind"],
  cards: Card[],
  labels: readonly L[],
  matches: (c: Card, l: L) => boolean,
  describe: (l: L) => string,
): Score {
  const used = new Set<number>();
  const unexpected: string[] = [];
  let matched = 0;
  for (const c of cards) {
    const i = labels.findIndex((l, k) => !used.has(k) && matches(c, l));
    if (i >= 0) {
      used.add(i);
      matched++;
    } else {
      unexpected.push(`${c.prompt} → ${c.answer}`);
    }
  }
  const missed = labels.filter((_, k) => !used.has(k)).map(describe);
  const both = labels.length === 0 && cards.length === 0;
  return {
    kind,
    labels: labels.length,
    cards: cards.length,
    matched,
    recall: ratio(matched, labels.length, both),
    precision: ratio(matched, cards.length, both),
    missed,
    unexpected,
  };
}

const hint = (subject: string, h: string) => subject.toLowerCase().includes(h.toLowerCase());

export function scoreResult(result: ExtractResult, labels: LabelSet): Score[] {
  const proposed = result.cards.filter((c) => c.confidence >= SELECT_CONFIDENCE);
  const dates = proposed.filter((c) => c.kind === "date");
  const parties = proposed.filter((c) => c.kind === "parties");
  const terms = proposed.filter((c) => c.kind === "term");
  return [
    score(
      "date",
      dates,
      labels.dates,
      (c, l) => c.kind === "date" && c.source.quote.includes(l.anchor) && hint(c.subject, l.subject) && sameDate(c.date, l.date),
      (l) => `${l.subject}: ${JSON.stringify(l.date)}`,
    ),
    score(
      "parties",
      parties,
      labels.parties,
      (c, l) => c.kind === "parties" && c.source.quote.includes(l.anchor) && hint(c.subject, l.subject) && sameSet(c.parties, l.parties),
      (l) => `${l.subject}: ${l.parties.join(", ")}`,
    ),
    score(
      "term",
      terms,
      labels.terms,
      (c, l) => c.kind === "term" && c.term.toLowerCase() === l.term.toLowerCase() && c.definition.toLowerCase().includes(l.definition.toLowerCase()),
      (l) => `${l.term} = ${l.definition}`,
    ),
  ];
}

export interface QualityRow {
  document: string;
  labels: string;
  /** Corpus documents: their style, and their part (the label file's name: corpus-<part>[-x].json). */
  style?: string;
  part?: CorpusPart;
  scores: Score[];
  result: ExtractResult;
  /** Forbidden strings found in card prompts or answers. */
  forbidden: string[];
}

const cardWords = (c: Card): string[] => [c.prompt, c.answer, c.subject, ...(c.kind === "parties" ? c.parties : []), ...(c.kind === "term" ? [c.definition] : [])];

/**
 * dev: tuned on. holdout, blind and blind2: written by others without sight of the extractor. The
 * holdout is scored and never read; blind and blind2 were each scored once, blind, and then became
 * development material (blind2 was written after blind had been tuned on).
 */
export const CORPUS_PARTS = ["dev", "holdout", "blind", "blind2"] as const;
export type CorpusPart = (typeof CORPUS_PARTS)[number];
/** "corpus-blind.json", "corpus-dev-a.json": the part is the label file's name, without a trailing "-a". */
const partOf = (file: string): CorpusPart => CORPUS_PARTS.find((p) => file === `corpus-${p}.json` || file.startsWith(`corpus-${p}-`)) ?? "dev";

/** Score every document of the corpus label files (content/labels/corpus-*.json). */
export function runCorpus(rules: RuleSet, only?: CorpusPart): QualityRow[] {
  const dir = path.join(REPO_ROOT, "content/labels");
  const rows: QualityRow[] = [];
  for (const file of readdirSync(dir).filter((f) => /^corpus-.*\.json$/.test(f)).sort()) {
    const part = partOf(file);
    if (only && only !== part) continue;
    const labels = corpusLabelsFileSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    for (const [doc, set] of Object.entries(labels.documents)) {
      const result = extractCards(readDocument(resolveDocPath(doc)), rules);
      const forbidden = set.forbidden.filter((f) => result.cards.some((c) => cardWords(c).some((w) => w.toLowerCase().includes(f.toLowerCase()))));
      rows.push({ document: doc, labels: file, style: set.style, part, scores: scoreResult(result, set), result, forbidden });
    }
  }
  return rows;
}

/** Totals per kind over rows (micro-averaged: matched / labels, matched / cards). */
export function totals(rows: readonly QualityRow[]): Score[] {
  return (["date", "parties", "term"] as const).map((kind) => {
    const ss = rows.flatMap((r) => r.scores.filter((s) => s.kind === kind));
    const labels = ss.reduce((a, s) => a + s.labels, 0);
    const cards = ss.reduce((a, s) => a + s.cards, 0);
    const matched = ss.reduce((a, s) => a + s.matched, 0);
    return { kind, labels, cards, matched, recall: ratio(matched, labels, labels === 0 && cards === 0), precision: ratio(matched, cards, labels === 0 && cards === 0), missed: ss.flatMap((s) => s.missed), unexpected: ss.flatMap((s) => s.unexpected) };
  });
}

/** Score every document named in content/labels/*.json. */
export function runQuality(rules: RuleSet): QualityRow[] {
  const dir = path.join(REPO_ROOT, "content/labels");
  const rows: QualityRow[] = [];
  for (const file of ["soviet-union-metapedia.json", "stalinist-regime.json"]) {
    const labels = seedLabelsFileSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    for (const doc of labels.documents) {
      const result = extractCards(readDocument(resolveDocPath(doc)), rules);
      rows.push({ document: doc, labels: file, scores: scoreResult(result, labels), result, forbidden: [] });
    }
  }
  const testdocs = testdocLabelsFileSchema.parse(JSON.parse(readFileSync(path.join(dir, "testdocs.json"), "utf8")));
  for (const [doc, labels] of Object.entries(testdocs.documents)) {
    const result = extractCards(readDocument(resolveDocPath(doc)), rules);
    rows.push({ document: doc, labels: "testdocs.json", scores: scoreResult(result, labels), result, forbidden: [] });
  }
  return rows;
}

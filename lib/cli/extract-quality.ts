// `npm run extract:quality [-- --holdout|--blind|--blind2|--all] [--verbose] [--json]`: recall and precision
// of the extractor on the labelled corpus (content/labels/corpus-*.json) per kind and per style,
// and on the seeds (content/labels/*.json). By default the development part and the seeds;
// --holdout, --blind or --blind2 scores that part alone, --all every part. --json prints one JSON
// line per figure.
import { CORPUS_PARTS, runCorpus, runQuality, totals, type QualityRow, type Score } from "@/lib/extract/quality";
import { loadRules } from "@/lib/extract/rules";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const json = args.includes("--json");
const only = args.includes("--all") ? undefined : (CORPUS_PARTS.find((p) => args.includes(`--${p}`)) ?? "dev");
const rules = loadRules();

const fmt = (x: number) => x.toFixed(3);
function report(scope: string, scores: Score[]): void {
  for (const s of scores) {
    if (json) console.log(JSON.stringify({ scope, kind: s.kind, labels: s.labels, cards: s.cards, matched: s.matched, recall: Number(fmt(s.recall)), precision: Number(fmt(s.precision)) }));
    else console.log(`${scope.padEnd(44)} ${s.kind.padEnd(8)} recall ${fmt(s.recall)}  precision ${fmt(s.precision)}  (${s.matched}/${s.labels} labels, ${s.cards} cards)`);
    if (verbose && s.missed.length) console.log(`    missed: ${s.missed.join(" | ")}`);
    if (verbose && s.unexpected.length) console.log(`    unexpected: ${s.unexpected.join(" | ")}`);
  }
}

const corpus = runCorpus(rules, only);
const groups = (key: (r: QualityRow) => string) => [...new Set(corpus.map(key))].sort().map((k) => [k, corpus.filter((r) => key(r) === k)] as const);
if (verbose) for (const r of corpus) report(r.document, r.scores);
for (const [style, rows] of groups((r) => r.style ?? "")) report(`style ${style}`, totals(rows));
for (const [part, rows] of groups((r) => r.part ?? "")) report(`corpus ${part}`, totals(rows));
report("corpus all", totals(corpus));
const forbidden = corpus.flatMap((r) => r.forbidden.map((f) => `${r.document}: ${f}`));
if (json) console.log(JSON.stringify({ scope: "corpus all", forbidden: forbidden.length }));
else console.log(`forbidden strings on cards: ${forbidden.length}${forbidden.length ? ` (${forbidden.join("; ")})` : ""}`);
if (only === "dev" || only === undefined) {
  const seeds = runQuality(rules).filter((r) => r.labels !== "testdocs.json");
  report("seeds", totals(seeds));
  if (verbose) for (const r of seeds) report(r.document, r.scores);
}

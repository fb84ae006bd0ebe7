// `tsx lib/cli/extract-quality.ts`: recall and precision of the extractor
// against content/labels, one JSON line per document and card kind.
import { runQuality } from "@/lib/extract/quality";
import { loadRules } from "@/lib/extract/rules";

const verbose = process.argv.includes("--verbose");
for (const row of runQuality(loadRules())) {
  for (const s of row.scores) {
    const line: Record<string, unknown> = {
      document: row.document,
      kind: s.kind,
      labels: s.labels,
      cards: s.cards,
      matched: s.matched,
      recall: Number(s.recall.toFixed(3)),
      precision: Number(s.precision.toFixed(3)),
    };
    if (verbose) Object.assign(line, { missed: s.missed, unexpected: s.unexpected });
    console.log(JSON.stringify(line));
  }
}

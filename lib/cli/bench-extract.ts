// `npm run bench:extract`: the extractor on a 1 MB document (target ≤ 5 s on this machine).
// The document is the development corpus, repeated with each copy's names made distinct
// (so the merge step sees a realistic number of subjects), up to 1 MB of UTF-8 text.
// Figures are JSON lines on stdout: extract_1mb_s (best of 3 runs, after one warm-up) and
// the cards and characters it covered.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { emit, log } from "@/lib/bench/report";
import { extractCards } from "@/lib/extract/extract";
import { REPO_ROOT } from "@/lib/extract/quality";
import { loadRules } from "@/lib/extract/rules";

const MB = 1024 * 1024;
const dir = path.join(REPO_ROOT, "content/corpus/dev");
const docs = readdirSync(dir)
  .sort()
  .map((f) => readFileSync(path.join(dir, f), "utf8"))
  // A reference list ends a document's body: keep each one's body only, so all of the 1 MB is read.
  .map((d) => d.split(/\n(?:#+\s*)?(?:References|Notes|Sources|Bibliography)\s*\n/)[0]!);
const parts: string[] = [];
let size = 0;
for (let copy = 0; size < MB; copy++) {
  for (const d of docs) {
    // "Treaty of Lausanne" → "Treaty of Lausanne 3": the same shapes, different subjects.
    const text = copy === 0 ? d : d.replace(/\b(Treaty|Pact|Battle|War|Conference|Congress|Alliance|Agreement) of (\p{Lu}\p{L}+)/gu, `$1 of $2 ${copy}`);
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
    if (size >= MB) break;
  }
}
const text = parts.join("\n\n");
const rules = loadRules();
log(`document: ${Buffer.byteLength(text)} bytes, ${parts.length} sections`);
extractCards({ name: "warm-up.txt", text: docs.join("\n\n") }, rules);
let best = Infinity;
let cards = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = extractCards({ name: "bench.txt", text }, rules);
  best = Math.min(best, (performance.now() - t0) / 1000);
  cards = r.cards.length;
  log(`run ${i + 1}: ${((performance.now() - t0) / 1000).toFixed(2)} s, ${cards} cards`);
}
emit("extract_1mb_s", Number(best.toFixed(3)), "s");
emit("extract_1mb_cards", cards, "count");
emit("extract_1mb_bytes", Buffer.byteLength(text), "bytes");

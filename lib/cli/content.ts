// `npm run content`: rebuild content/decks/<slug>.json from content/sources/*.md.
// Deterministic: same sources and rules → byte-identical files (fixed key
// order, cards sorted by position, ids derived from slug + kind + subject, or
// carried over from the deck file being replaced: see lib/extract/carry-ids.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { buildDeckFile, readPreviousCards } from "@/lib/extract/deck-build";
import { loadRules } from "@/lib/extract/rules";

const root = path.resolve(import.meta.dirname, "../..");
const sourcesDir = path.join(root, "content/sources");
const decksDir = path.join(root, "content/decks");

/** The cards of the deck file a rebuild replaces, so their ids carry over to the same facts. */
function previousCards(slug: string) {
  const file = path.join(decksDir, `${slug}.json`);
  return existsSync(file) ? readPreviousCards(readFileSync(file, "utf8"), path.relative(root, file)) : [];
}

function main(): void {
  mkdirSync(decksDir, { recursive: true });
  const files = readdirSync(sourcesDir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const rules = loadRules();
  const slugs = new Set<string>();
  for (const f of files) {
    const deck = buildDeckFile(readFileSync(path.join(sourcesDir, f), "utf8"), f, rules, previousCards);
    if (slugs.has(deck.slug)) throw new Error(`${f}: duplicate slug ${deck.slug}`);
    slugs.add(deck.slug);
    const out = path.join(decksDir, `${deck.slug}.json`);
    writeFileSync(out, `${JSON.stringify(deck, null, 2)}\n`);
    const byKind = (k: string) => deck.cards.filter((c) => c.kind === k).length;
    console.log(
      `${path.relative(root, out)}: ${deck.cards.length} cards (${byKind("date")} date, ${byKind("parties")} parties, ${byKind("term")} term)`,
    );
  }
  const stale = readdirSync(decksDir).filter((f) => f.endsWith(".json") && !slugs.has(f.slice(0, -".json".length)));
  for (const f of stale) console.warn(`warning: content/decks/${f} has no source in content/sources (not deleted)`);
}

try {
  main();
} catch (err) {
  console.error(`content: ${(err as Error).message}`);
  process.exit(1);
}

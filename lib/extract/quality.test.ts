import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collapse } from "./clean";
import { findQuotedSpans } from "./quotes";
import { REPO_ROOT, resolveDocPath, runQuality } from "./quality";
import { loadRuleData, loadRules } from "./rules";
import type { Card } from "./types";

/**
 * Recall and precision against the hand-written labels in content/labels, on
 * the RAW seeds (../shared/seeds) and on the curated copies in content/sources.
 * The figures are printed so they can be reported.
 */
const rules = loadRules();
const rows = runQuality(rules);

const cardText = (c: Card): string[] => [
  c.subject,
  c.prompt,
  c.answer,
  ...(c.kind === "parties" ? c.parties : []),
  ...(c.kind === "term" ? [c.term, c.definition] : []),
];

describe("extraction quality", () => {
  it("prints the figures", () => {
    for (const row of rows) {
      for (const s of row.scores) {
        console.log(
          `${row.document} ${s.kind}: recall ${s.recall.toFixed(3)} precision ${s.precision.toFixed(3)} (${s.matched}/${s.labels} labels, ${s.cards} cards)`,
        );
        if (s.missed.length) console.log(`  missed: ${s.missed.join(" | ")}`);
        if (s.unexpected.length) console.log(`  unexpected: ${s.unexpected.join(" | ")}`);
      }
    }
    expect(rows.length).toBeGreaterThanOrEqual(8);
  });

  const seedRows = rows.filter((r) => r.labels !== "testdocs.json");
  it.each(seedRows.flatMap((r) => r.scores.filter((s) => s.kind !== "term").map((s) => [r.document, s.kind, s] as const)))(
    "%s %s: recall and precision ≥ 0.95",
    (_doc, _kind, s) => {
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
    },
  );

  it("test documents in other styles stay above a floor", () => {
    for (const r of rows.filter((x) => x.labels === "testdocs.json")) {
      for (const s of r.scores.filter((x) => x.kind !== "term")) {
        expect(s.precision, `${r.document} ${s.kind}`).toBe(1);
        expect(s.recall, `${r.document} ${s.kind}`).toBeGreaterThanOrEqual(0.8);
      }
    }
  });
});

describe("forbidden phrases on the RAW seed", () => {
  const rawPath = resolveDocPath("seeds/000_3d6c7ad4a8bc3ebb.txt");
  const raw = readFileSync(rawPath, "utf8");
  const row = rows.find((r) => r.document === "seeds/000_3d6c7ad4a8bc3ebb.txt")!;
  const data = loadRuleData();
  const quotations = findQuotedSpans(raw, 0, raw.length)
    .map((q) => collapse(raw.slice(q.start + 1, q.end - 1)))
    .filter((q) => q !== "Treaty of Rapallo"); // a quoted proper name, kept as a name
  const forbidden = [
    ...data.qualifiers.phrases,
    ...data.hateful.phrases,
    ...data.hateful.groups,
    ...quotations,
    "[[",
    "[military]",
    "murdered",
    "66 million",
  ];

  it("has the seed's quotations in the forbidden list", () => {
    expect(quotations).toEqual(expect.arrayContaining(["a dangerous purulent abscess on the body of mankind", "liberated", "friendly relations"]));
  });

  it("no card text contains a qualifier, a quotation or a hateful term", () => {
    const hits: string[] = [];
    for (const c of row.result.cards) {
      for (const t of cardText(c)) {
        for (const f of forbidden) {
          const re = new RegExp(`(?<![\\p{L}])${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "iu");
          if (re.test(t)) hits.push(`${f} in "${t}"`);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  it("no card quote comes from the hateful passage", () => {
    for (const c of row.result.cards) expect(c.source.quote).not.toMatch(/Jew|conspiracy|misfits/i);
  });

  it("the curated copy omits the passage and says so", () => {
    const curated = readFileSync(`${REPO_ROOT}/content/sources/soviet-union-metapedia.md`, "utf8");
    expect(curated).not.toMatch(/Jew/);
    expect(curated).toMatch(/\[Omitted by the editors: a passage of antisemitic propaganda/);
    expect(curated).toMatch(/^note: .*omitted one passage of antisemitic quotations/m);
  });
});

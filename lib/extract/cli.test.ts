import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deckFileSchema } from "./deck-file";
import { cardSchema } from "./types";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const run = (args: string[]) => spawnSync(tsx, ["lib/cli/extract.ts", ...args], { cwd: root, encoding: "utf8" });

describe("npm run extract", () => {
  it("prints one JSON object with the card contract", () => {
    const r = run(["content/testdocs/us-dates.txt", "content/sources/stalinist-regime.md"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { cards: unknown[] };
    expect(Object.keys(out)).toEqual(["cards"]);
    const cards = out.cards.map((c) => cardSchema.parse(c));
    expect(new Set(cards.map((c) => c.source.document))).toEqual(new Set(["us-dates.txt", "stalinist-regime.md"]));
    // Offsets of a .md file refer to the body after its front matter.
    const md = readFileSync(path.join(root, "content/sources/stalinist-regime.md"), "utf8");
    const body = md.slice(md.indexOf("\n---\n") + 5);
    for (const c of cards.filter((x) => x.source.document === "stalinist-regime.md")) {
      expect(body.slice(c.source.start, c.source.end)).toBe(c.source.quote);
    }
  }, 20_000);

  it("rejects empty, binary and missing input with exit code 2 and nothing on stdout", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "extract-"));
    writeFileSync(path.join(dir, "empty.txt"), "  \n");
    writeFileSync(path.join(dir, "bin.dat"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    writeFileSync(path.join(dir, "latin1.txt"), Buffer.from([0x66, 0xe9, 0x65]));
    for (const f of ["empty.txt", "bin.dat", "latin1.txt", "missing.txt"]) {
      const r = run([path.join(dir, f)]);
      expect(r.status, f).toBe(2);
      expect(r.stdout, f).toBe("");
      expect(r.stderr.trim().split("\n"), f).toHaveLength(1);
    }
  }, 30_000);
});

describe("npm run content", () => {
  it("builds valid decks deterministically", () => {
    const before = readFileSync(path.join(root, "content/decks/soviet-union-metapedia.json"), "utf8");
    execFileSync(tsx, ["lib/cli/content.ts"], { cwd: root, encoding: "utf8" });
    const after = readFileSync(path.join(root, "content/decks/soviet-union-metapedia.json"), "utf8");
    expect(after).toBe(before);
    const deck = deckFileSchema.parse(JSON.parse(after));
    expect(deck.slug).toBe("soviet-union-metapedia");
    expect(deck.cards.every((c) => c.source.document === "soviet-union-metapedia")).toBe(true);
  }, 20_000);
});

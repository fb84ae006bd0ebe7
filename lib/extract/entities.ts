import { bounded, boundedMatches, phraseSource } from "./phrases";

/**
 * The gazetteer: recognises party names in text and maps them to canonical
 * names from content/rules/aliases.json. Everything here is data-driven so a
 * teacher can add a state without touching code.
 */

export interface EntityData {
  name: string;
  article: boolean;
  kind: "state" | "government" | "bloc";
  aliases: string[];
  formalNames: string[];
  adjectives: string[];
  represents?: string | undefined;
  era: { from: number; to: number; name: string }[];
}

export interface Entity {
  name: string;
  article: boolean;
  kind: "state" | "government" | "bloc";
  represents?: string | undefined;
  era: { from: number; to: number; name: string }[];
}

export interface EntityMatch {
  /** Offset of the match (including a leading "the " if present). */
  start: number;
  end: number;
  entity: Entity;
  /** True when the matched text is an informal alias that card text rewrites. */
  rewrite: boolean;
}

/** "the Soviet Union" / "Japan": the form used in prompts and answers. */
export const displayName = (e: { name: string; article: boolean }): string => (e.article ? `the ${e.name}` : e.name);

/** "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export class Gazetteer {
  private readonly byName = new Map<string, Entity>();
  private readonly byLower = new Map<string, { entity: Entity; rewrite: boolean; form: string }>();
  private readonly byAdjective = new Map<string, Entity>();
  /** Acronyms (no lower-case letters) must match case-sensitively: "US" is not "us". */
  private readonly exactRe: RegExp | null;
  private readonly foldRe: RegExp | null;

  constructor(data: readonly EntityData[]) {
    const exact: string[] = [];
    const fold: string[] = [];
    for (const d of data) {
      const entity: Entity = { name: d.name, article: d.article, kind: d.kind, represents: d.represents, era: d.era };
      this.byName.set(d.name.toLowerCase(), entity);
      const forms: [string, boolean][] = [
        [d.name, false],
        ...d.formalNames.map((f): [string, boolean] => [f, false]),
        ...d.aliases.map((a): [string, boolean] => [a, true]),
      ];
      for (const [form, rewrite] of forms) {
        const key = form.replace(/^the\s+/i, "").toLowerCase();
        const bare = form.replace(/^the\s+/i, "");
        if (!this.byLower.has(key)) this.byLower.set(key, { entity, rewrite, form: bare });
        (/[a-z]/.test(bare) ? fold : exact).push(bare);
      }
      for (const adj of d.adjectives) this.byAdjective.set(adj.toLowerCase(), entity);
    }
    const build = (forms: string[], flags: string): RegExp | null =>
      forms.length === 0
        ? null
        : new RegExp(
            `(?:${[...new Set(forms)]
              .sort((a, b) => b.length - a.length || a.localeCompare(b))
              .map(phraseSource)
              .join("|")})`,
            flags,
          );
    this.exactRe = build(exact, "gu");
    this.foldRe = build(fold, "giu");
    this.sticky = [this.exactRe, this.foldRe]
      .filter((r): r is RegExp => r !== null)
      .map((r) => new RegExp(r.source, r.flags.replace("g", "") + "y"));
  }

  private readonly sticky: RegExp[];

  /** Canonical entity for a canonical name (used for `represents`). */
  byCanonical(name: string): Entity | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Exact lookup of a whole name (after stripping "the"). */
  lookup(name: string): { entity: Entity; rewrite: boolean } | undefined {
    const bare = name.replace(/^the\s+/i, "").replace(/\s+/g, " ").trim();
    const hit = this.byLower.get(bare.toLowerCase());
    // Proper names only: the first letter's case must be the listed form's
    // ("Soviets" yes, "soviets" no; "exiled Czechs" is listed lower-case).
    if (!hit || hit.form[0] !== bare[0]) return undefined;
    // A case variant of the canonical name ("Polish Government-in-Exile") is rewritten too.
    const variant = bare !== hit.entity.name && bare.toLowerCase() === hit.entity.name.toLowerCase();
    return { entity: hit.entity, rewrite: hit.rewrite || variant };
  }

  adjective(word: string): Entity | undefined {
    return this.byAdjective.get(word.toLowerCase());
  }

  /** The canonical name for an entity in a given year (Russia 1917–1991 → Soviet Union). */
  resolve(entity: Entity, year?: number): Entity {
    if (year === undefined) return entity;
    for (const e of entity.era) {
      if (year >= e.from && year <= e.to) return this.byCanonical(e.name) ?? entity;
    }
    return entity;
  }

  /** "the " right before `start`, so a mention can include its article. */
  private static articleBefore(text: string, start: number): number {
    const m = /\bthe\s+$/i.exec(text.slice(Math.max(0, start - 8), start));
    return m ? start - m[0].length : start;
  }

  /** All entity mentions in `text`, longest first, non-overlapping, in text order. */
  findAll(text: string): EntityMatch[] {
    const found: EntityMatch[] = [];
    for (const re of [this.exactRe, this.foldRe]) {
      if (!re) continue;
      for (const m of boundedMatches(re, text)) {
        const hit = this.lookup(m[0]);
        if (hit) {
          found.push({ start: Gazetteer.articleBefore(text, m.index), end: m.index + m[0].length, entity: hit.entity, rewrite: hit.rewrite });
        }
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: EntityMatch[] = [];
    let last = -1;
    for (const f of found) {
      if (f.start >= last) {
        out.push(f);
        last = f.end;
      }
    }
    return out;
  }

  /** The entity mention starting exactly at `pos` (optionally with "the "), if any. */
  matchAt(text: string, pos: number): EntityMatch | null {
    const art = /the\s+/iy;
    art.lastIndex = pos;
    const at = art.exec(text) ? art.lastIndex : pos;
    let best: EntityMatch | null = null;
    for (const sticky of this.sticky) {
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m || !bounded(text, at, m[0])) continue;
      const hit = this.lookup(m[0]);
      if (hit && (!best || at + m[0].length > best.end)) {
        best = { start: pos, end: at + m[0].length, entity: hit.entity, rewrite: hit.rewrite };
      }
    }
    return best;
  }
}

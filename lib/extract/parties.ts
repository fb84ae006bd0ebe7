import { collapse } from "./clean";
import { displayName, joinNames, type Entity, type Gazetteer } from "./entities";

/**
 * Party lists: "between A, B and C", "signed by A and B", "A with B",
 * compounds such as "Soviet-Polish". Names are normalised through the alias
 * table; unknown capitalised names are accepted only where the grammar makes
 * them parties ("between ..."), never after "signed by" (that is often a person).
 */

export interface Party {
  name: string;
  entity?: Entity | undefined;
  /** Offset in the text, for ordering. */
  at: number;
}

const CONNECTORS = new Set(["of", "the", "for", "de", "la", "du", "von", "del"]);
const GOVERNMENTS_OF = /(?:the\s+)?Governments?\s+of\s+/iy;
const PAREN = /\s*\([^()\n]{0,160}\)/y;
const LOCATIVE = /\s+(?:in|at)\s+\p{Lu}[\p{L}-]*(?=[\s,;.)]|$)/uy;
const SEPARATOR = /\s*(?:,\s*(?:and\s+|&\s*)?|\s(?:and|&)\s+)/y;
const WORD = /\p{Lu}[\p{L}\p{N}'’.-]*/uy;
const ANY_WORD = /[\p{L}][\p{L}\p{N}'’.-]*/uy;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

const skipWs = (text: string, pos: number): number => {
  let p = pos;
  while (p < text.length && /\s/.test(text[p] ?? "")) p++;
  return p;
};

/** A capitalised name at `pos` ("Provisional Government of France"), or null. */
export function nameAt(text: string, pos: number, limit: number): { name: string; end: number } | null {
  let p = pos;
  const art = sticky(/the\s+/iy, text, p);
  if (art) p += art[0].length;
  const first = sticky(WORD, text, p);
  if (!first || p + first[0].length > limit) return null;
  let end = p + first[0].length;
  for (;;) {
    let q = end;
    const ws = sticky(/\s+/y, text, q);
    if (!ws) break;
    q += ws[0].length;
    const w = sticky(ANY_WORD, text, q);
    if (!w) break;
    if (/^\p{Lu}/u.test(w[0])) {
      if (q + w[0].length > limit) break;
      end = q + w[0].length;
      continue;
    }
    if (!CONNECTORS.has(w[0].toLowerCase())) break;
    // A connector only joins two capitalised words.
    const q2 = skipWs(text, q + w[0].length);
    const w2 = sticky(WORD, text, q2);
    if (!w2 || q2 + w2[0].length > limit) break;
    end = q2 + w2[0].length;
  }
  return { name: collapse(text.slice(p, end)).replace(/[.,]$/, ""), end };
}

function partyAt(text: string, pos: number, limit: number, gaz: Gazetteer, allowUnknown: boolean): { party: Party; end: number } | null {
  let p = skipWs(text, pos);
  const gov = sticky(GOVERNMENTS_OF, text, p);
  if (gov) p += gov[0].length;
  const hit = gaz.matchAt(text, p);
  let party: Party;
  let end: number;
  if (hit && hit.end <= limit) {
    party = { name: hit.entity.name, entity: hit.entity, at: p };
    end = hit.end;
  } else if (allowUnknown) {
    const n = nameAt(text, p, limit);
    if (!n) return null;
    party = { name: n.name, at: p };
    end = n.end;
  } else {
    return null;
  }
  // "the Soviet Union (Stalin)", "Polish Government-in-Exile in London".
  for (const re of [PAREN, LOCATIVE]) {
    const m = sticky(re, text, end);
    if (m && end + m[0].length <= limit) end += m[0].length;
  }
  return { party, end };
}

/** Parse "A, B and C" starting at `pos`; the list ends after the item that follows "and". */
export function parseList(
  text: string,
  pos: number,
  limit: number,
  gaz: Gazetteer,
  allowUnknown: boolean,
): { parties: Party[]; end: number } | null {
  const first = partyAt(text, pos, limit, gaz, allowUnknown);
  if (!first) return null;
  const parties = [first.party];
  let end = first.end;
  for (;;) {
    const sep = sticky(SEPARATOR, text, end);
    if (!sep) break;
    const next = partyAt(text, end + sep[0].length, limit, gaz, allowUnknown);
    if (!next) break;
    parties.push(next.party);
    end = next.end;
    if (/and|&/.test(sep[0])) break;
  }
  return { parties, end };
}

const COMPOUND_RE = /(?<![\p{L}-])\p{Lu}\p{Ll}+(?:[-–]\p{Lu}\p{Ll}+)+(?![\p{L}-])/gu;

/** Parties named by a compound adjective: "Anglo-Soviet" → United Kingdom, Soviet Union. */
export function compoundParties(text: string, offset: number, gaz: Gazetteer): { parties: Party[]; spans: { start: number; end: number }[] } {
  const parties: Party[] = [];
  const spans: { start: number; end: number }[] = [];
  COMPOUND_RE.lastIndex = 0;
  for (let m = COMPOUND_RE.exec(text); m; m = COMPOUND_RE.exec(text)) {
    const parts = m[0].split(/[-–]/);
    const entities = parts.map((p) => gaz.adjective(p));
    if (entities.length < 2 || entities.some((e) => !e)) continue;
    for (const e of entities) if (e) parties.push({ name: e.name, entity: e, at: offset + m.index });
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return { parties, spans };
}

/**
 * Canonical, de-duplicated party names in text order: era mapping (Russia in
 * 1917–1991 → Soviet Union), and a government-in-exile replaces the country
 * it represents.
 */
export function normaliseParties(parties: readonly Party[], gaz: Gazetteer, year?: number): { names: string[]; entities: (Entity | undefined)[] } {
  const ordered = [...parties].sort((a, b) => a.at - b.at);
  const resolved = ordered.map((p) => (p.entity ? gaz.resolve(p.entity, year) : undefined));
  const names: string[] = [];
  const entities: (Entity | undefined)[] = [];
  ordered.forEach((p, i) => {
    const e = resolved[i];
    const name = e?.name ?? p.name;
    if (names.includes(name)) return;
    names.push(name);
    entities.push(e);
  });
  const represented = new Set(entities.map((e) => e?.represents).filter((r): r is string => !!r));
  const keep = names.map((n) => !represented.has(n));
  return { names: names.filter((_, i) => keep[i]), entities: entities.filter((_, i) => keep[i]) };
}

/** "Germany and the Soviet Union". */
export function partiesAnswer(names: readonly string[], entities: readonly (Entity | undefined)[]): string {
  return joinNames(names.map((n, i) => (entities[i] ? displayName(entities[i]) : n)));
}

/** "states" when every party is a known state, otherwise the neutral "parties". */
export const partiesNoun = (entities: readonly (Entity | undefined)[]): string =>
  entities.every((e) => e?.kind === "state") ? "states" : "parties";

/**
 * Card text with informal aliases rewritten to canonical names ("Soviet
 * Russia" → "the Soviet Union"); formal names are kept as written.
 */
export function rewriteAliases(s: string, gaz: Gazetteer): string {
  let out = "";
  let last = 0;
  for (const m of gaz.findAll(s)) {
    if (!m.rewrite) continue;
    const hadThe = /^the\s/i.test(s.slice(m.start, m.end));
    const precededByThe = /\bthe\s+$/i.test(s.slice(Math.max(0, m.start - 4), m.start));
    const name = hadThe || !precededByThe ? displayName(m.entity) : m.entity.name;
    out += s.slice(last, m.start) + name;
    last = m.end;
  }
  return collapse(out + s.slice(last));
}

const PRONOUNS = new Set(["it", "this", "that", "they", "he", "she", "these", "those", "there", "its", "their", "his", "her", "we", "i"]);

/**
 * The capitalised name ending at `end` ("... following the October Revolution" → "October Revolution").
 * `hadThe` tells whether "the" came right before it.
 */
export function nameBefore(text: string, end: number, floor: number): { name: string; hadThe: boolean } | null {
  const slice = text.slice(Math.max(floor, end - 200), end).trimEnd();
  const toks = slice.split(/\s+/).filter(Boolean);
  const got: string[] = [];
  let i = toks.length - 1;
  while (i >= 0) {
    const t = toks[i] ?? "";
    const isLast = got.length === 0;
    if (/^\p{Lu}/u.test(t) && (isLast || !/[,;:.!?)]$/.test(t))) {
      got.unshift(t);
      i--;
    } else if (got.length > 0 && CONNECTORS.has(t.toLowerCase()) && t.toLowerCase() !== "the" && /^\p{Lu}/u.test(toks[i - 1] ?? "")) {
      got.unshift(t);
      i--;
    } else {
      break;
    }
  }
  let hadThe = (toks[i] ?? "").toLowerCase() === "the";
  if (got[0] && /^the$/i.test(got[0])) {
    got.shift();
    hadThe = true;
  }
  const name = got.join(" ").replace(/[.,;:]+$/, "");
  if (!name || PRONOUNS.has(name.toLowerCase())) return null;
  return { name, hadThe };
}

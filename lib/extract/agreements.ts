import type { Candidate, SentenceContext } from "./candidate";
import { collapse } from "./clean";
import { findDates, type DateMatch } from "./dates";
import type { Entity } from "./entities";
import { isTitleCase } from "./quotes";
import {
  compoundParties,
  normaliseParties,
  parseList,
  partiesAnswer,
  partiesNoun,
  rewriteAliases,
  type Party,
} from "./parties";
import type { RuleSet } from "./rules";
import type { Span } from "./types";

/**
 * List items about agreements: "Treaty of Rapallo, 16 April 1922.",
 * "Convention between Japan and the Soviet Union, dated at Peking, 20 January 1925.",
 * "- Treaty of X (1920) with Y". The item's first sentence gives the subject
 * (the agreement's name or description), its date and, where stated, its
 * parties; a later sentence of the same item may name the parties
 * ("... brought Germany and the Soviet Union together when they concluded ...").
 */

/** After a capitalised word, these lower-case words continue a description. */
const CONTINUE = new Set(["between", "concluded", "regarding", "concerning", "on", "of", "for", "and", "to", "in", "at", "the", "&"]);
const STOP = new Set(["signed", "dated", "ratified", "done", "initialled"]);
/** A date right after these words belongs to something else ("since August 1939"). */
const BLOCKED_BEFORE = /(?:^|\s)(?:since|after|before|until|till|from|the|of|by|to|between)\s*$/i;

export type HeadType = "agreement" | "declaration" | "event";

/** The first head word in a name decides the wording of its prompts. */
export function headType(name: string, rules: RuleSet): HeadType | null {
  for (const w of name.split(/[\s-]+/)) {
    const lw = w.toLowerCase().replace(/[^\p{L}]/gu, "");
    if (rules.agreementHeads.has(lw)) return "agreement";
    if (rules.declarationHeads.has(lw)) return "declaration";
    if (rules.eventHeads.has(lw)) return "event";
  }
  return null;
}

export const withArticle = (s: string): string => (/^the\s/i.test(s) ? s : `the ${s}`);

export function datePrompt(subject: string, type: HeadType): string {
  if (type === "event") return `When did ${withArticle(subject)} take place?`;
  return `When was ${withArticle(subject)} ${type === "declaration" ? "issued" : "signed"}?`;
}

/**
 * The parties card of an agreement: "Which states concluded the Treaty of Rapallo?".
 * `label` is how the prompt names it when that differs from the subject (a short name
 * with its date).
 */
export function partiesCard(
  subject: string,
  type: HeadType | null,
  norm: { names: string[]; entities: (Entity | undefined)[] },
  quote: Span,
  label = subject,
): Candidate {
  const verb = type === "declaration" ? "issued" : "concluded";
  return {
    kind: "parties",
    subject,
    prompt: `Which ${partiesNoun(norm.entities)} ${verb} ${withArticle(label)}?`,
    answer: partiesAnswer(norm.names, norm.entities),
    parties: norm.names,
    quote,
  };
}

interface Walk {
  /** Pieces of the subject, tagged so the parties prompt can leave the party list out. */
  pieces: { span: Span; zone?: { keyword: string; parties: Party[] } }[];
  end: number;
  zones: Party[][];
  shortName?: string;
}

function walkSubject(ctx: SentenceContext, dates: DateMatch[]): Walk {
  const { clean, sentence, rules } = ctx;
  const gaz = rules.gazetteer;
  const e = sentence.end;
  const dateAt = (p: number) => dates.some((d) => d.start === p);
  const pieces: Walk["pieces"] = [];
  const zones: Party[][] = [];
  let shortName: string | undefined;
  let p = sentence.start;
  let prevCap = false;
  let prevWord = "";
  const ws = (q: number) => {
    let r = q;
    while (r < e && /\s/.test(clean[r] ?? "")) r++;
    return r;
  };
  for (;;) {
    p = ws(p);
    if (p >= e || dateAt(p)) break;
    const ch = clean[p] ?? "";
    if (ch === "." || ch === ";" || ch === ":") break;
    if (ch === ",") {
      const q = ws(p + 1);
      if (q >= e || dateAt(q) || /\p{Ll}/u.test(clean[q] ?? "") || gaz.matchAt(clean, q)) break;
      // ", Moscow, 4 Feb 1948": a place before the date ends the description.
      const place = /\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?\s*,\s*/uy;
      place.lastIndex = q;
      const pm = place.exec(clean);
      if (pm && dateAt(q + pm[0].length)) break;
      pieces.push({ span: { start: p, end: p + 1 } });
      p = q;
      prevCap = false;
      continue;
    }
    if (ch === "(") {
      const close = clean.indexOf(")", p);
      if (close < 0 || close > e || dateAt(ws(p + 1))) break;
      const inner = collapse(clean.slice(p + 1, close));
      // "(Warsaw Pact)": the agreement's short name.
      if (isTitleCase(inner) && headType(inner, rules)) shortName = inner;
      p = close + 1;
      continue;
    }
    const wm = /[^\s,;:()]+/y;
    wm.lastIndex = p;
    const w = wm.exec(clean)?.[0];
    if (!w) break;
    const lw = w.toLowerCase().replace(/[.]$/, "");
    if (STOP.has(lw)) break;
    if (lw === "between" || (lw === "by" && headType(prevWord, rules))) {
      const list = parseList(clean, p + w.length, e, gaz, lw === "between");
      if (list) {
        zones.push(list.parties);
        pieces.push({ span: { start: p, end: list.end }, zone: { keyword: lw, parties: list.parties } });
        // "... and the Soviet Union (Warsaw Pact)": a short name inside the list.
        for (const m of clean.slice(p, list.end).matchAll(/\(([^()]{1,60})\)/g)) {
          const inner = collapse(m[1] ?? "");
          if (isTitleCase(inner) && headType(inner, rules)) shortName = inner;
        }
        p = list.end;
        prevCap = true;
        prevWord = "";
        continue;
      }
    }
    // "Romania giving effect to ..." ends the name; "Czechoslovak territories" does not.
    if (/^\p{Ll}/u.test(w) && prevCap && !CONTINUE.has(lw) && !gaz.adjective(prevWord)) break;
    pieces.push({ span: { start: p, end: p + w.length } });
    prevCap = /^\p{Lu}/u.test(w);
    prevWord = w;
    p += w.length;
    if (w.endsWith(".")) break; // "etc." or an abbreviation closing the description
  }
  const last = pieces[pieces.length - 1];
  return { pieces, end: last ? last.span.end : sentence.start, zones, ...(shortName ? { shortName } : {}) };
}

function tidySubject(s: string): string {
  return collapse(
    s
      .replace(/\s*\([^()]*\)/g, " ")
      .replace(/\bconcluded\s+(?=between\b|by\b)/gi, "")
      .replace(/\s+etc\.?$/i, "")
      .replace(/[.,;:]+$/, ""),
  );
}

/** The date of the agreement: the first date after the description that is not about something else. */
function chooseDate(ctx: SentenceContext, dates: DateMatch[], subjectEnd: number): DateMatch | undefined {
  const { clean } = ctx;
  return dates.find((d) => {
    if (d.start < subjectEnd) return false;
    const before = clean.slice(Math.max(ctx.sentence.start, d.start - 20), d.start);
    if (BLOCKED_BEFORE.test(before)) return false;
    if (d.shape !== "year") return true;
    // A bare year only in the agreement's date slot: "(1920)", ", 1943." or "in 1943".
    const after = clean.slice(d.end, Math.min(ctx.sentence.end, d.end + 3));
    return /\(\s*$/.test(before) || /\bin\s+$/i.test(before) || (/,\s*$/.test(before) && /^\s*(?:[.;)]|$)/.test(after));
  });
}

export function agreementCandidates(ctx: SentenceContext): Candidate[] {
  const { clean, sentence, rules, unit } = ctx;
  if (unit.kind !== "item" || ctx.index !== 0) return [];
  const gaz = rules.gazetteer;
  const rel = findDates(clean.slice(sentence.start, sentence.end));
  const dates = rel.map((d) => ({ ...d, start: d.start + sentence.start, end: d.end + sentence.start }));
  const walk = walkSubject(ctx, dates);
  const fullText = walk.pieces.map((x) => clean.slice(x.span.start, x.span.end)).join(" ");
  const type = headType(walk.shortName ?? fullText, rules);
  if (!type || type === "event") return [];
  const date = chooseDate(ctx, dates, walk.end);
  const year = date?.date.year;
  // Party lists inside the description are written with canonical names.
  const render = (withZones: boolean) =>
    walk.pieces
      .map((x) => {
        if (!x.zone) return clean.slice(x.span.start, x.span.end);
        if (!withZones) return " ";
        const n = normaliseParties(x.zone.parties, gaz, year);
        return `${x.zone.keyword} ${partiesAnswer(n.names, n.entities)}`;
      })
      .join(" ");
  const subject = walk.shortName ?? tidySubject(rewriteAliases(render(true), gaz));
  if (!subject) return [];
  const out: Candidate[] = [];
  if (date) {
    out.push({ kind: "date", subject, prompt: datePrompt(subject, type), answer: date.answer, date: date.date, quote: sentence });
  }

  // Parties: the walk's "between"/"by" lists, compounds, "A with B", "signed by ...".
  const parties: Party[] = walk.zones.flat();
  // "Treaty of Berlin, 24 April 1926, between the Soviet Union and Weimar Germany"
  if (walk.zones.length === 0) {
    const rest = clean.slice(walk.end, sentence.end);
    const bw = /(?:^|[\s,])between\s+/i.exec(rest);
    if (bw) {
      const list = parseList(clean, walk.end + bw.index + bw[0].length, sentence.end, gaz, true);
      if (list) parties.push(...list.parties);
    }
  }
  const compounds = compoundParties(fullText, sentence.start, gaz);
  parties.push(...compounds.parties);
  const tail = withZone(ctx, walk.end, date);
  parties.push(...tail);
  const bySearch = /\bsigned\b[^,;]{0,60}?\bby\s+/gi;
  bySearch.lastIndex = sentence.start;
  const bm = bySearch.exec(clean);
  if (bm && bm.index < sentence.end) {
    const list = parseList(clean, bm.index + bm[0].length, sentence.end, gaz, false);
    if (list) parties.push(...list.parties);
  }
  let quote: Span = sentence;
  let norm = normaliseParties(parties, gaz, year);
  if (norm.names.length < 2) {
    const later = laterSentenceParties(ctx, year);
    if (later) {
      norm = later.norm;
      quote = later.quote;
    }
  }
  if (norm.names.length >= 2) {
    const short = walk.shortName ?? shortSubject(render(false), compounds.spans, fullText, gaz);
    const label = short === subject || !date ? subject : `${short} (${date.answer})`;
    out.push(partiesCard(subject, type, norm, quote, label));
  }
  return out;
}

/** "Treaty of Brest Litovsk, Soviet Russia with the Central Powers" / "Treaty of X (1920) with Y". */
function withZone(ctx: SentenceContext, from: number, date: { start: number; end: number } | undefined): Party[] {
  const { clean, sentence, rules } = ctx;
  const gaz = rules.gazetteer;
  let p = from;
  const skip = () => {
    for (;;) {
      const m = /[\s,]+|\(\s*[^()]{0,40}\)/y;
      m.lastIndex = p;
      const r = m.exec(clean);
      if (r && r[0].length > 0) p += r[0].length;
      else break;
    }
  };
  skip();
  if (date && p === date.start) {
    p = date.end;
    skip();
  }
  const left = parseList(clean, p, sentence.end, gaz, false);
  const q = left ? left.end : p;
  const w = /\s*with\s+/iy;
  w.lastIndex = q;
  const wm = w.exec(clean);
  if (!wm) return [];
  const right = parseList(clean, q + wm[0].length, sentence.end, gaz, true);
  if (!right) return [];
  const leftParties = left ? left.parties : ctx.docEntity ? [{ name: ctx.docEntity.name, entity: ctx.docEntity, at: from }] : [];
  if (leftParties.length === 0) return [];
  return [...leftParties, ...right.parties];
}

/** A later sentence of the item naming the parties of a conclusion: "brought A and B together when they concluded". */
function laterSentenceParties(ctx: SentenceContext, year: number | undefined) {
  const { clean, rules } = ctx;
  const gaz = rules.gazetteer;
  for (const s of ctx.kept) {
    if (s.start <= ctx.sentence.start) continue;
    const slice = clean.slice(s.start, s.end);
    if (!/\b(?:concluded|signed|agreed)\b/i.test(slice)) continue;
    for (const m of gaz.findAll(slice)) {
      const list = parseList(clean, s.start + m.start, s.end, gaz, false);
      if (list && list.parties.length >= 2) {
        const norm = normaliseParties(list.parties, gaz, year);
        if (norm.names.length >= 2) return { norm, quote: { start: s.start, end: s.end } };
      }
    }
  }
  return null;
}

/** The description without its party list or party compounds: "Non-aggression Pact". */
function shortSubject(withoutZones: string, compoundSpans: Span[], fullText: string, gaz: RuleSet["gazetteer"]): string {
  let text = withoutZones;
  for (const s of compoundSpans) text = text.replace(fullText.slice(s.start, s.end), " ");
  const short = tidySubject(rewriteAliases(text.replace(/\bconcluded\b/gi, " "), gaz));
  return short || tidySubject(fullText);
}

const headAlternation = (rules: RuleSet): string =>
  [...rules.agreementHeads, ...rules.declarationHeads]
    .map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .map((h) => `${h[0]?.toUpperCase() ?? ""}${h.slice(1)}`)
    .join("|");
const proseNameRe = new WeakMap<RuleSet, RegExp>();

/**
 * Parties in prose: "The Treaty of Rapallo was signed ... between Germany and
 * Soviet Russia." Only when the sentence names exactly one agreement, so the
 * list cannot belong to another one.
 */
export function proseParties(ctx: SentenceContext): Candidate[] {
  const { clean, sentence, rules, unit } = ctx;
  if (unit.kind === "item" && ctx.index === 0) return [];
  if (unit.kind === "field" || unit.kind === "heading") return [];
  let re = proseNameRe.get(rules);
  if (!re) {
    const name = "\\p{Lu}[\\p{L}'’-]*";
    re = new RegExp(
      `(?<![\\p{L}])((?:${name}\\s+){0,4}(?:${headAlternation(rules)})(?:\\s+(?:of|for)\\s+(?:the\\s+)?${name}(?:\\s+${name}){0,3})?)(?![\\p{L}])`,
      "gu",
    );
    proseNameRe.set(rules, re);
  }
  const slice = clean.slice(sentence.start, sentence.end);
  const names = [...slice.matchAll(re)]
    .map((m) => ({ name: collapse(m[1] ?? "").replace(/^The\s+/, ""), end: (m.index ?? 0) + (m[0]?.length ?? 0) }))
    .filter((n) => n.name.split(" ").length >= 2);
  const distinct = new Set(names.map((n) => n.name));
  const first = names[0];
  if (!first || distinct.size !== 1) return [];
  const gaz = rules.gazetteer;
  const rest = slice.slice(first.end);
  const zone = /(?:^|[\s,])(between|(?:signed|concluded)\s+by)\s+/i.exec(rest);
  if (!zone) return [];
  const at = sentence.start + first.end + zone.index + zone[0].length;
  const list = parseList(clean, at, sentence.end, gaz, /^between$/i.test(zone[1] ?? ""));
  if (!list) return [];
  const year = findDates(slice)[0]?.date.year;
  const norm = normaliseParties(list.parties, gaz, year);
  if (norm.names.length < 2) return [];
  const subject = rewriteAliases(first.name, gaz);
  return [partiesCard(subject, headType(subject, rules), norm, sentence)];
}

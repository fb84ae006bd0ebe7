import type { Candidate } from "./candidate";
import type { CitationResult } from "./citations";
import { precision } from "./dates";
import { cardId, normaliseSubject } from "./ids";
import { joinParties } from "./parties";
import type { Card, Conflict, PartialDate } from "./types";

/**
 * One fact, one card per document. Repeated mentions of a fact merge (the
 * most precise date wins, then the more confident, then the earlier mention).
 * Two dates for one fact that cannot both be true ("1878" and "1926", or
 * "18 July 1941" and "12 December 1943") are a conflict: both cards are kept,
 * neither is proposed selected, and the teacher is told. A card whose text
 * would carry a figure the text does not cite is dropped.
 */

export interface Produced {
  c: Candidate;
  citation: CitationResult;
  /** An uncited figure in the sentence: it must not reach the card. */
  figure: string | null;
}

const KIND_ORDER = { date: 0, parties: 1, term: 2 } as const;
const CONFLICT_CONFIDENCE = 0.5;
/** A same-named subject the text gives no context for: offered, not pre-selected. */
const AMBIGUOUS_CONFIDENCE = 0.55;

/** Could both be written about one event: equal where both are given. */
function compatible(a: PartialDate, b: PartialDate): boolean {
  return a.year === b.year && (a.month === undefined || b.month === undefined || a.month === b.month) && (a.day === undefined || b.day === undefined || a.day === b.day);
}

function carriesFigure(c: Candidate, figure: string | null): boolean {
  if (!figure) return false;
  const texts = [c.prompt, c.answer, c.subject, ...(c.kind === "parties" ? c.parties : []), ...(c.kind === "term" ? [c.definition] : [])];
  // As a whole number or word: "aged 18" is not in "2 December 1848".
  const alone = new RegExp(`(?<![\\p{L}\\p{N}])${figure.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
  return texts.some((t) => alone.test(t));
}

function better(a: Produced, b: Produced): boolean {
  if (a.c.kind === "date" && b.c.kind === "date") {
    const d = precision(a.c.date) - precision(b.c.date);
    if (d !== 0) return d > 0;
  }
  if (a.c.kind === "parties" && b.c.kind === "parties" && a.c.parties.length !== b.c.parties.length) return a.c.parties.length > b.c.parties.length;
  if (a.c.confidence !== b.c.confidence) return a.c.confidence > b.c.confidence;
  return a.c.quote.start < b.c.quote.start;
}

function toCard(document: string, text: string, p: Produced, idFacet: string): Card {
  const { c, citation } = p;
  const source = {
    document,
    quote: text.slice(c.quote.start, c.quote.end),
    start: c.quote.start,
    end: c.quote.end,
    ...(citation.citation ? { citation: citation.citation } : {}),
  };
  const head = { id: cardId(document, c.kind, c.subject, idFacet), kind: c.kind, subject: c.subject, prompt: c.prompt, answer: c.answer };
  const tail = { confidence: c.confidence, rule: c.rule };
  switch (c.kind) {
    case "date":
      return { ...head, kind: "date", date: c.date, source, ...tail };
    case "parties":
      return { ...head, kind: "parties", parties: c.parties, source, ...tail };
    case "term":
      return { ...head, kind: "term", term: c.term, definition: c.definition, source, ...tail };
  }
}

/**
 * Two agreements with one name ("the Treaty of Berlin" of 1878 and of 1926): where the
 * text names a mention's parties, they become part of its subject ("Treaty of Berlin
 * between Germany and the Soviet Union"), and its parties card gets the year; the answer
 * itself is never added to a date question. A mention left without such context stays,
 * offered unselected.
 */
function disambiguate(produced: readonly Produced[]): Produced[] {
  const out = produced.map((p) => ({ ...p, c: { ...p.c } as Candidate }));
  const dated = new Map<string, Produced[]>();
  for (const p of out) {
    if (p.c.kind !== "date") continue;
    const key = `${normaliseSubject(p.c.subject)}\u0000${sameFacet(p.c.facet)}`;
    dated.set(key, [...(dated.get(key) ?? []), p]);
  }
  for (const group of dated.values()) {
    const years = new Set(group.map((p) => (p.c.kind === "date" ? p.c.date.year : 0)));
    if (years.size < 2) continue;
    const subject = group[0]!.c.subject;
    for (const p of group) {
      if (p.c.kind !== "date") continue;
      const year = p.c.date.year;
      const parties = out.find((q) => q.c.kind === "parties" && q.c.quote.start === p.c.quote.start && normaliseSubject(q.c.subject) === normaliseSubject(subject));
      if (parties?.c.kind !== "parties") {
        p.c.confidence = Math.min(p.c.confidence, AMBIGUOUS_CONFIDENCE);
        continue;
      }
      const named = `${subject} between ${joinParties(parties.c.parties)}`;
      p.c.prompt = p.c.prompt.replace(subject, named);
      p.c.subject = named;
      parties.c.prompt = parties.c.prompt.replace(subject, `${subject} (${year})`);
      parties.c.subject = `${subject} (${year})`;
    }
  }
  return out;
}

/** "came into force", "brought into force", "took effect": one fact however the text words it. */
const sameFacet = (facet: string | undefined): string => (/\b(?:force|effect)\b/.test(facet ?? "") ? "in force" : (facet ?? ""));

export function mergeCandidates(document: string, text: string, candidates: readonly Produced[]): { cards: Card[]; conflicts: Conflict[] } {
  const produced = disambiguate(candidates);
  const groups = new Map<string, Produced[]>();
  for (const p of produced) {
    if (carriesFigure(p.c, p.figure)) continue;
    const key = `${p.c.kind}\u0000${normaliseSubject(p.c.subject)}\u0000${sameFacet(p.c.facet)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const cards: Card[] = [];
  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const facet = first.c.facet ?? "";
    if (first.c.kind !== "date") {
      cards.push(toCard(document, text, group.reduce((a, b) => (better(b, a) ? b : a)), facet));
      continue;
    }
    // Cluster the dates: compatible mentions are one fact.
    const clusters: Produced[][] = [];
    for (const p of group) {
      if (p.c.kind !== "date") continue;
      const date = p.c.date;
      const home = clusters.find((cl) => cl.every((q) => q.c.kind === "date" && compatible(q.c.date, date)));
      if (home) home.push(p);
      else clusters.push([p]);
    }
    const winners = clusters.map((cl) => cl.reduce((a, b) => (better(b, a) ? b : a)));
    if (winners.length === 1) {
      cards.push(toCard(document, text, winners[0]!, facet));
      continue;
    }
    const made = winners
      .sort((a, b) => a.c.quote.start - b.c.quote.start)
      .map((w, i) => toCard(document, text, { ...w, c: { ...w.c, confidence: Math.min(w.c.confidence, CONFLICT_CONFIDENCE) } }, i === 0 ? facet : `${facet}#${w.c.kind === "date" ? JSON.stringify(w.c.date) : i}`));
    cards.push(...made);
    conflicts.push({ subject: first.c.subject, answers: made.map((c) => c.answer), cardIds: made.map((c) => c.id) });
  }
  cards.sort((a, b) => a.source.start - b.source.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id));
  return { cards, conflicts };
}

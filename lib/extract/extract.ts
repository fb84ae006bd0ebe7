import { agreementCandidates, proseParties } from "./agreements";
import type { Candidate, KeptSentence, SentenceContext } from "./candidate";
import { buildCitationIndex, citationFor, trailingReferenceBlock, type CitationResult } from "./citations";
import { buildCleanText, collapse } from "./clean";
import { findDates, precision } from "./dates";
import type { Entity } from "./entities";
import { eventCandidates } from "./events";
import { hatefulVerdict, isAttributionLine, sentenceVerdict, type Verdict } from "./filters";
import { cardId } from "./ids";
import { infoboxCandidates } from "./infobox";
import { findQuotedSpans } from "./quotes";
import type { RuleSet } from "./rules";
import { layout, type Unit } from "./sentences";
import { termCandidates } from "./terms";
import type { Card, ExtractResult, SourceDocument, Skipped, Span } from "./types";

/**
 * Document in, cards out. Pipeline:
 *   layout (units, sentences, back matter) → citation index → clean text →
 *   per unit: hateful? → per sentence: quotation / opinion / uncited figure? →
 *   pattern modules (agreements, events, infobox, terms) → cards with ids and
 *   provenance → de-duplicated by id (the more precise date wins).
 */

const KIND_ORDER = { date: 0, parties: 1, term: 2 } as const;
const EXCERPT = 120;

function skippedEntry(text: string, span: Span, v: Verdict): Skipped {
  const raw = collapse(text.slice(span.start, span.end));
  return {
    reason: v.reason,
    detail: v.detail,
    start: span.start,
    end: span.end,
    excerpt: raw.length > EXCERPT ? `${raw.slice(0, EXCERPT - 1)}…` : raw,
  };
}

/** Short, unpunctuated single line: a title in plain text. */
function isTitleLine(text: string, u: Unit): boolean {
  if (u.kind !== "paragraph" || u.end - u.start > 120) return false;
  const s = text.slice(u.start, u.end);
  return u.kind === "paragraph" && !s.includes("\n") && s.split(/\s+/).length <= 10 && !/[.!?:;,]$/.test(s);
}

function documentEntity(text: string, clean: string, units: readonly Unit[], rules: RuleSet): Entity | undefined {
  const first = units[0];
  if (!first || !(first.kind === "heading" || isTitleLine(text, first))) return undefined;
  return rules.gazetteer.findAll(clean.slice(first.start, first.end))[0]?.entity;
}

export function extractCards(doc: SourceDocument, rules: RuleSet): ExtractResult {
  const { text } = doc;
  const lay = layout(text, {
    backMatterHeadings: rules.backMatterHeadings,
    fieldKeys: new Set([...rules.infoboxDates.keys(), ...rules.infoboxParties]),
  });
  const citations = buildCitationIndex(text, lay.bodyEnd);
  // Without a "References" heading, a trailing numbered block is the reference list, not content.
  const tail = lay.bodyEnd === text.length ? trailingReferenceBlock(text) : null;
  if (tail) lay.units = lay.units.filter((u) => u.start < tail.start);
  const clean = buildCleanText(text, rules, { units: lay.units });
  const docEntity = documentEntity(text, clean, lay.units, rules);
  const skipped: Skipped[] = [];
  const produced: { c: Candidate; citation: CitationResult; unit: number }[] = [];
  let title: string | undefined;
  const blockYear = new Map<number, number>();
  for (const u of lay.units) {
    if (u.kind === "field" && !blockYear.has(u.block)) {
      const d = findDates(clean.slice(u.valueStart ?? u.start, u.end))[0];
      if (d) blockYear.set(u.block, d.date.year);
    }
  }

  for (const unit of lay.units) {
    const raw = text.slice(unit.start, unit.end);
    if (unit.kind === "blockquote") {
      skipped.push(skippedEntry(text, unit, { reason: "quotation", detail: "block quotation" }));
      continue;
    }
    const hateful = hatefulVerdict(raw, rules);
    if (hateful) {
      skipped.push(skippedEntry(text, unit, hateful));
      continue;
    }
    if (unit.kind === "heading" || isTitleLine(text, unit)) title = collapse(clean.slice(unit.start, unit.end));

    // A line "—Author, Title" marks the lines before it (back to the previous
    // attribution or the paragraph start) as a block quotation.
    const quotedBlock = new Set<number>();
    let from = 0;
    unit.sentences.forEach((s, i) => {
      if (isAttributionLine(text.slice(s.start, s.end))) {
        for (let k = from; k <= i; k++) quotedBlock.add(k);
        from = i + 1;
      }
    });

    const quotes = findQuotedSpans(text, unit.start, unit.end);
    const kept: (KeptSentence & { index: number })[] = [];
    unit.sentences.forEach((s, index) => {
      const citation = citationFor(citations, s, unit);
      const verdict: Verdict | null = quotedBlock.has(index)
        ? { reason: "quotation", detail: "block quotation" }
        : sentenceVerdict(
            { raw: text.slice(s.start, s.end), clean: clean.slice(s.start, s.end), quotes, sentence: s, text, citation },
            rules,
          );
      if (verdict) skipped.push(skippedEntry(text, s, verdict));
      else kept.push({ ...s, citation, index });
    });

    for (const s of kept) {
      const ctx: SentenceContext = {
        text,
        clean,
        rules,
        unit,
        sentence: { start: s.start, end: s.end },
        index: s.index,
        kept,
        docEntity,
        title,
        contextYear: blockYear.get(unit.block),
      };
      const found = [...infoboxCandidates(ctx), ...agreementCandidates(ctx), ...proseParties(ctx), ...eventCandidates(ctx), ...termCandidates(ctx)];
      for (const c of found) {
        // The citation belongs to the sentence actually quoted.
        const q = kept.find((k) => k.start === c.quote.start && k.end === c.quote.end);
        produced.push({ c, citation: q?.citation ?? s.citation, unit: unit.start });
      }
    }
  }

  disambiguate(produced);
  const byId = new Map<string, Card>();
  for (const { c, citation } of produced) {
    const card = toCard(doc.name, text, c, citation);
    const prev = byId.get(card.id);
    if (!prev || better(card, prev)) byId.set(card.id, card);
  }
  const cards = [...byId.values()].sort(
    (a, b) => a.source.start - b.source.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id),
  );
  return { cards, skipped };
}

/**
 * Two different agreements with one name ("Treaty of Moscow", 1920 and 1921)
 * would share an id. When dates on the same subject disagree (not merely one
 * more precise than the other), the subject of every card from those units
 * gets the year: "Treaty of Moscow (1920)".
 */
function disambiguate(produced: { c: Candidate; unit: number }[]): void {
  const bySubject = new Map<string, { c: Candidate; unit: number }[]>();
  for (const p of produced) {
    const key = p.c.subject.toLowerCase();
    bySubject.set(key, [...(bySubject.get(key) ?? []), p]);
  }
  for (const group of bySubject.values()) {
    const dated = group.filter((p) => p.c.kind === "date");
    const years = new Set(dated.map((p) => (p.c.kind === "date" ? p.c.date.year : 0)));
    if (years.size < 2) continue;
    const renamed = new Set<{ c: Candidate; unit: number }>();
    for (const d of dated) {
      if (d.c.kind !== "date") continue;
      const year = d.c.date.year;
      for (const p of group) {
        if (p.unit !== d.unit || renamed.has(p)) continue;
        renamed.add(p);
        const old = p.c.subject;
        p.c = { ...p.c, subject: `${old} (${year})`, prompt: p.c.prompt.replace(old, `${old} (${year})`) };
      }
    }
  }
}

/** Same subject twice: keep the more precise date, else the earlier mention. */
function better(a: Card, b: Card): boolean {
  if (a.kind === "date" && b.kind === "date") {
    const d = precision(a.date) - precision(b.date);
    if (d !== 0) return d > 0;
  }
  return a.source.start < b.source.start;
}

/** Build the card in the contract's key order. */
function toCard(document: string, text: string, c: Candidate, citation: CitationResult): Card {
  const source = {
    document,
    quote: text.slice(c.quote.start, c.quote.end),
    start: c.quote.start,
    end: c.quote.end,
    ...(citation.citation ? { citation: citation.citation } : {}),
  };
  const head = { id: cardId(document, c.kind, c.subject), kind: c.kind, subject: c.subject, prompt: c.prompt, answer: c.answer };
  switch (c.kind) {
    case "date":
      return { ...head, kind: "date", date: c.date, source };
    case "parties":
      return { ...head, kind: "parties", parties: c.parties, source };
    case "term":
      return { ...head, kind: "term", term: c.term, definition: c.definition, source };
  }
}

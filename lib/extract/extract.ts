import type { Candidate } from "./candidate";
import { buildCitationIndex, citationFor, parentheticalCitations, trailingReferenceBlock, type CitationResult } from "./citations";
import { buildCleanText, collapse } from "./clean";
import { datedFacts, subjectFromName, subjectOfVerb, subjectText, type DatedFact, type Subject } from "./date-facts";
import { Discourse, type Referent } from "./discourse";
import { findFigure, hatefulVerdict, isAttributionLine, sentenceVerdict, type Verdict } from "./filters";
import { mergeCandidates } from "./merge";
import { tokenize, type Token } from "./nlp";
import { officeHolders } from "./offices";
import { personAliases, withKnownName } from "./person-alias";
import { joinParties, partyList, partyName, splitPartyValue } from "./parties";
import { answerCard, type Question } from "./qa";
import { findQuotedSpans } from "./quotes";
import type { RuleSet } from "./rules";
import { layout, type Unit } from "./sentences";
import { termCandidates } from "./terms";
import type { ExtractResult, SourceDocument, Skipped, Span, UnusedDate } from "./types";
import { findDateExpressions, formatDate, MONTH_WORD } from "./dates";
import { nameOpening, sentenceView, textOf, type DateContext, type SentenceView } from "./view";

/**
 * Document in, cards out:
 *   layout (units: paragraphs, list lines, chronology lines, table rows,
 *   fields) → citations (footnotes, parenthetical) → clean text → tokens with
 *   part-of-speech tags (wink-nlp) → per unit: hateful? → per sentence:
 *   quotation / opinion? → dated facts, parties, terms (anaphora resolved by
 *   the discourse) → a figure without a citation never reaches a card →
 *   merged: one fact, one card (the most precise date wins; two different
 *   dates for one fact are a conflict shown to the teacher).
 */

const EXCERPT = 120;

function excerptOf(text: string, span: Span): string {
  const raw = collapse(text.slice(span.start, span.end));
  return raw.length > EXCERPT ? `${raw.slice(0, EXCERPT - 1)}…` : raw;
}

function skippedEntry(text: string, span: Span, v: Verdict): Skipped {
  return { reason: v.reason, detail: v.detail, start: span.start, end: span.end, excerpt: excerptOf(text, span) };
}

/** Short, unpunctuated single line: a title in plain text ("Chronology: the Cold War, 1945–1991" as the first line too). */
function isTitleLine(text: string, u: Unit, first = false): boolean {
  if (!(u.kind === "paragraph" || (first && u.kind === "field")) || u.end - u.start > 120) return false;
  const s = text.slice(u.start, u.end).replace(/(?:\[\^?[\w-]{1,20}\])+$/, "");
  return !s.includes("\n") && s.split(/\s+/).length <= 12 && !/[.!?:;,]$/.test(s);
}

/** Table rows read as chronology lines: "| 8 August 1967 | ASEAN founded |" → "  8 August 1967 – ASEAN founded  ". */
function rowsAsLines(text: string, clean: string, units: readonly Unit[]): string {
  const pipes: number[] = [];
  for (const u of units) {
    for (const [k, c] of (u.kind === "row" ? (u.cells ?? []) : []).entries()) {
      const pipe = text.lastIndexOf("|", c.start - 1);
      if (k > 0 && pipe >= u.start) pipes.push(pipe);
    }
  }
  if (pipes.length === 0) return clean;
  // Same length as the clean text: every offset still points into the original.
  const parts: string[] = [];
  let at = 0;
  for (const p of pipes.sort((x, y) => x - y)) {
    parts.push(clean.slice(at, p), "–");
    at = p + 1;
  }
  parts.push(clean.slice(at));
  return parts.join("");
}

interface Ctx {
  doc: SourceDocument;
  text: string;
  clean: string;
  tokens: Token[];
  rules: RuleSet;
  discourse: Discourse;
  produced: { c: Candidate; citation: CitationResult; figure: string | null }[];
  usedDates: Set<number>;
  keptDates: { start: number; end: number; sentence: Span }[];
  /** The last full date of the running prose: "on 30 October" after "Between 22 and 24 October 1956" is in 1956. */
  context: DateContext | null;
  /** "Today in History: August 15": the day and month that the list's "In 1769, …" entries are dated on. */
  dayHeading: { month: number; day: number } | null;
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
  const clean = rowsAsLines(text, buildCleanText(text, rules, { units: lay.units }), lay.units);
  const tokens = tokenize(clean);
  const ctx: Ctx = { doc, text, clean, tokens, rules, discourse: new Discourse(rules), produced: [], usedDates: new Set(), keptDates: [], context: null, dayHeading: null };
  const skipped: Skipped[] = [];
  let title: SentenceView | null = null;
  let docTitle: SentenceView | null = null;
  let titleUnit = -1;
  let question: Question | null = null;

  /** Whether a sentence may give cards, its citation (footnote and parenthetical) and its uncited figure: one rule for every path that makes cards. */
  const gate = (s: Span, unit: Unit, quotes: ReturnType<typeof findQuotedSpans>, blockQuoted: boolean): { verdict: Verdict | null; citation: CitationResult; figure: string | null } => {
    const footnote = citationFor(citations, s, unit);
    const inline = parentheticalCitations(text, s);
    const citation: CitationResult = inline.length ? { citation: [footnote.citation, ...inline].filter(Boolean).join("; "), unresolved: false } : footnote;
    const verdict: Verdict | null = blockQuoted
      ? { reason: "quotation", detail: "block quotation" }
      : sentenceVerdict({ raw: text.slice(s.start, s.end), clean: clean.slice(s.start, s.end), quotes, sentence: s, text, citation }, rules);
    const figure = verdict || citation.citation ? null : findFigure(clean.slice(s.start, s.end), rules);
    return { verdict, citation, figure };
  };

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
    const titleView = unit.kind === "heading" || isTitleLine(text, unit, unit === lay.units[0]) ? sentenceView(tokens, unit, clean, rules) : null;
    // A line with a finite verb is a statement, even without a full stop ("Hitler became Chancellor in 1933").
    if (titleView && (unit.kind === "heading" || !titleView.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX"))) {
      // "Kellogg–Briand Pact" over "General Treaty for Renunciation of War …": a second title line right
      // under an event's name is its official name, and the fields below are still about the first.
      ctx.context = null;
      const underTitle = title !== null && titleUnit === lay.units.indexOf(unit) - 1;
      const subtitle = underTitle && !!title?.names.some((n) => n.head);
      titleUnit = lay.units.indexOf(unit);
      const current: SentenceView = subtitle && title ? title : titleView;
      title = current;
      const official = titleView.names.find((n) => n.head);
      const common = current.names.find((n) => n.head);
      if (subtitle && official && common?.head) ctx.discourse.alias(official.text, { text: common.text, article: true, head: common.head });
      docTitle ??= titleView;
      ctx.discourse.mention(titleView.names);
      // ("Rosetta Stone (cast)" / "Granodiorite, 196 BC": the line under a heading describes it.)
      if (!underTitle) ctx.discourse.setSection(titleView.names.find((n) => !n.head)?.text ?? null);
      const event = current.names.find((n) => n.head);
      ctx.discourse.setSubject(event?.head ? { text: event.text, article: true, head: event.head } : null);
      if (event?.head && docTitle === titleView) ctx.discourse.setTitle({ text: event.text, article: true, head: event.head });
      // An on-this-day heading ("Today in History: August 15", "## 15 August") dates the entries under it;
      // another Markdown heading ends it.
      const heading = clean.slice(unit.start, unit.end);
      const day = findDateExpressions(heading).find((d) => d.yearless && d.date.day !== undefined && d.date.month !== undefined && WRITTEN_MONTH.test(heading.slice(d.start, d.end)));
      if (day) ctx.dayHeading = { month: day.date.month!, day: day.date.day! };
      else if (unit.kind === "heading") ctx.dayHeading = null;
      // A title names the document; its dates ("The Cold War, 1945–1991") are not facts to learn.
      continue;
    }

    // A line "—Author, Title" marks the lines before it as a block quotation.
    const quotedBlock = new Set<number>();
    let from = 0;
    unit.sentences.forEach((s, i) => {
      if (isAttributionLine(text.slice(s.start, s.end))) {
        for (let k = from; k <= i; k++) quotedBlock.add(k);
        from = i + 1;
      }
    });

    // A fact sheet's "Q: …" line: its "A: …" line answers it.
    // (Or one line holding both: "Q: When was it signed? A: On 10 April 1998.", "What is power-sharing? – A system …")
    const inline = inlineQuestion(clean, unit);
    const isQuestion = (unit.kind === "field" && unit.key === "q") || inline !== null;
    if (isQuestion) {
      const qSpan = inline?.question ?? unit;
      const qv = sentenceView(tokens, qSpan, clean, rules);
      const named = qv.names.find((n) => n.head) ?? qv.names[0];
      const asked = named?.head ? subjectText({ text: named.text, article: true, event: true, plural: false, via: "name" }) : null;
      const when = asked && named?.head ? (named.head.verb === "took place" ? `When did ${asked} take place?` : `When was ${asked} ${named.head.verb}?`) : undefined;
      const qStart = inline ? qSpan.start : (unit.valueStart ?? unit.start);
      question = { text: clean.slice(qStart, qSpan.end), span: qSpan, subject: named?.text ?? askedPhrase(qv), ...(when ? { when } : {}) };
    }
    if (inline && question) {
      const av = sentenceView(tokens, inline.answer, clean, rules);
      const c = answerCard(question, { text: clean.slice(inline.answer.start, inline.answer.end), span: inline.answer, dates: av.dates });
      const g = gate(unit, unit, findQuotedSpans(text, unit.start, unit.end), false);
      if (g.verdict) skipped.push(skippedEntry(text, unit, g.verdict));
      else if (c) {
        for (const d of av.dates.slice(0, 1)) ctx.usedDates.add(d.start);
        ctx.produced.push({ c, citation: g.citation, figure: g.figure });
      }
      question = null;
      continue;
    }
    const answered = unit.kind === "field" && unit.key === "a" ? question : null;
    if (!isQuestion) question = null;

    const quotes = findQuotedSpans(text, unit.start, unit.end);
    unit.sentences.forEach((s, index) => {
      // A label's heading line over its text, with no blank line between ("Rosetta Stone (cast)\nThis stone …").
      if (index === 0 && unit.kind === "paragraph" && unit.sentences.length > 1 && isTitleLine(text, { ...unit, ...s })) {
        const hv = sentenceView(tokens, s, clean, rules);
        if (!hv.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) ctx.discourse.setSection(hv.names.find((n) => !n.head)?.text ?? null);
      }
      const { verdict, citation, figure } = gate(s, unit, quotes, quotedBlock.has(index));
      if (verdict) {
        skipped.push(skippedEntry(text, s, verdict));
        return;
      }
      // A figure without a citation costs nothing else: it is kept off every card.
      if (figure) skipped.push(skippedEntry(text, s, { reason: "uncited-figure", detail: `${figure} (no citation: kept off the cards; the sentence's other facts are used)` }));
      if (answered && index === 0) {
        const v = sentenceView(tokens, s, clean, rules);
        const c = answerCard(answered, { text: clean.slice(unit.valueStart ?? s.start, unit.end), span: s, dates: v.dates });
        if (c) {
          for (const d of v.dates.slice(0, 1)) ctx.usedDates.add(d.start);
          ctx.produced.push({ c, citation, figure });
        }
      }
      if (!isQuestion) sentenceFacts(ctx, unit, s, citation, figure, title, docTitle);
    });
  }

  const aliases = personAliases(clean);
  const merged = mergeCandidates(doc.name, text, aliases.size ? ctx.produced.map((p) => ({ ...p, c: withKnownName(p.c, aliases) })) : ctx.produced);
  const unusedDates: UnusedDate[] = ctx.keptDates
    .filter((d) => !ctx.usedDates.has(d.start))
    .map((d) => ({ text: text.slice(d.start, d.end), start: d.start, end: d.end, excerpt: excerptOf(text, d.sentence) }));
  return { cards: merged.cards, skipped, unusedDates, conflicts: merged.conflicts };
}

function sentenceFacts(ctx: Ctx, unit: Unit, span: Span, citation: CitationResult, figure: string | null, title: SentenceView | null, docTitle: SentenceView | null): void {
  const { rules, discourse } = ctx;
  const line = unit.kind === "item" || unit.kind === "row" || unit.kind === "field";
  const v = sentenceView(ctx.tokens, span, ctx.clean, rules, line, ctx.context);
  const last = [...v.dates].reverse().find((d) => !d.inherited && d.shape !== "range");
  if (last) ctx.context = { year: last.date.year, ...(last.date.month !== undefined ? { month: last.date.month } : {}) };
  const push = (c: Candidate) => ctx.produced.push({ c, citation, figure });
  for (const d of v.dates) ctx.keptDates.push({ start: d.start, end: d.end, sentence: span });

  if (unit.kind === "field" && unit.key !== undefined) {
    if (fieldFacts(ctx, unit, v, title, push)) return;
  }

  const facts = datedFacts(v, discourse, { line, lineDate: line && v.dates[0]?.t0 === 0 });
  for (const f0 of facts) {
    const f = gapped(v, facts, f0);
    const d = onDay(v.dates[f.dateIndex]!, v, ctx.dayHeading);
    ctx.usedDates.add(d.start);
    push({ kind: "date", subject: f.subject.text, prompt: f.prompt, answer: d.answer, date: d.date, quote: span, confidence: round(f.confidence), rule: f.rule, facet: f.facet });
  }
  if (unit.kind === "row") rowFallback(ctx, unit, v, facts, push);
  partiesFacts(v, facts, discourse, push, titleActor(docTitle));
  // "The Triple Alliance joined Germany, …; the Triple Entente was the looser grouping of Britain, …":
  // a clause after ";" in prose may name the parties of another agreement.
  const semis = line ? [] : v.tokens.filter((t, i) => t.text === ";" && !v.inDate[i]);
  for (const [i, semi] of semis.entries()) {
    const end = semis[i + 1]?.start ?? span.end;
    // The sentence's own names tell whether the clause names an agreement at all: only then is it read
    // again on its own (a second view re-parses its dates).
    if (!v.names.some((n) => n.head && n.start >= semi.end && n.end <= end)) continue;
    const clause = sentenceView(ctx.tokens, { start: semi.end, end }, ctx.clean, rules, false);
    if (clause.names.some((n) => n.head)) partiesFacts(clause, [], discourse, (c) => push({ ...c, quote: span }), titleActor(docTitle));
  }
  // "Note: peninsulares were officials born in Spain; …": a field's value is read without its key.
  const valueStart = unit.kind === "field" && unit.valueStart !== undefined && unit.valueStart > span.start && unit.valueStart < span.end ? unit.valueStart : span.start;
  const tv = valueStart === span.start ? v : sentenceView(ctx.tokens, { start: valueStart, end: span.end }, ctx.clean, rules, line);
  for (const t of termCandidates(tv, line && valueStart === span.start, ctx.text.slice(valueStart, span.end))) push(t);
  // "Reparations: payments made by a defeated country …": a field whose key is a term is a glossary line.
  if (unit.kind === "field" && valueStart !== span.start) for (const t of termCandidates(v, true, ctx.text.slice(span.start, span.end)).filter((c) => c.rule === "glossary-line")) push(t);

  // What "it" may refer to next: this sentence's event subject, if it had one.
  const eventFact = facts.find((f) => f.subject.event && f.subject.via !== "pronoun");
  const firstName = v.names[0];
  const startsWithSubject = firstName && firstName.t0 <= 1;
  const described = describedEvent(v);
  // ("the Casablanca Conference opened in Morocco" is asked with its act; "it" next means the conference.)
  const eventName = eventFact ? v.names.find((n) => n.head && eventFact.subject.text.startsWith(`${n.text} `)) : undefined;
  // ("The Treaty of Nanking was the peace treaty which ended the First Opium War (1839–1842)": the sentence is
  // about the treaty it opens with, not the war dated in its relative clause.)
  let afterOpener = firstName?.t1 ?? 0;
  if (v.tokens[afterOpener]?.text === "(") afterOpener = v.tokens.findIndex((t, i) => i > afterOpener && t.text === ")") + 1;
  const openerSubject = startsWithSubject && !!firstName.head && AGREEMENT_CLASSES.has(firstName.head.class) && v.tokens[afterOpener]?.lemma === "be" && eventFact?.subject.text !== firstName.text;
  if (eventFact && !openerSubject) discourse.setSubject({ text: eventName?.text ?? eventFact.subject.text, article: eventFact.subject.article, head: { class: "event", verb: eventFact.subject.defaultVerb ?? "took place", word: "" } });
  else if (startsWithSubject) discourse.setSubject(firstName.head ? { text: firstName.text, article: firstName.article, head: firstName.head } : null);
  else if (v.tokens[0]?.lower === "the" && v.tokens[1]?.pos === "NOUN" && /^(?:VERB|AUX)$/.test(v.tokens[2]?.pos ?? "") && v.rules.heads.has(v.tokens[1].lower)) {
    // "The pact was signed in Paris." (no date): still what "it" means in the next sentence.
    discourse.setSubject(discourse.definite(v.tokens[1].lower));
  } else if (!described) discourse.setSubject(null);
  discourse.mention(v.names);
  for (const [office, person, foreign] of officeHolders(v, ctx.rules.offices, discourse.personPronoun())) if (!foreign || !discourse.officeHolder(office)) discourse.holdsOffice(office, person);
  if (described && !eventFact) discourse.describe(described);
  // Who "he" is next: a person this sentence opens with (a name without an event head, not a place after "In").
  const opener = v.names[0];
  // ("Salah ad-Din, known in Europe as Saladin, was born …", "Bismarck, the Prussian minister, …": an apposition may follow.)
  const appositive = v.tokens[opener?.t1 ?? 0]?.text === "," && ["known", "the", "a", "an", "who"].includes(v.tokens[(opener?.t1 ?? 0) + 1]?.lower ?? "");
  // ("His lieutenant Jean-Jacques Dessalines continued …", "Their leader, Toussaint Louverture, had …": a role before the name.)
  const opening = nameOpening(v, opener);
  const roleAppositive = opening === "role-comma" && v.tokens[opener!.t1]?.text === ",";
  const person = opener && opening && !opener.head && (appositive || roleAppositive || (v.tokens[opener.t1]?.pos !== "PUNCT" && /^(?:VERB|AUX|ADV)$/.test(v.tokens[opener.t1]?.pos ?? ""))) ? opener.text : null;
  const pronounOpens = /^(?:he|she)$/i.test(v.tokens[0]?.text ?? "");
  // (Surely a person, not a state: a regnal number, an office before the name, or a name of several words.)
  const personLike = !!person && (/\s[IVX]+$/.test(person) || ctx.rules.offices.has(person.split(" ")[0]!.toLowerCase()) || person.split(" ").length >= 2);
  // ("Two years later, in 1171, he brought …": "he" as a clause's subject, not only as the first word.)
  const pronounSubject = v.tokens.some((t, i) => /^(?:he|she)$/i.test(t.text) && /^(?:VERB|AUX|ADV)$/.test(v.tokens[i + 1]?.pos ?? ""));
  // (With two people in play "he" confirms no one, and the person fades as before.)
  if (pronounOpens) return;
  if (pronounSubject && !person && discourse.personPronoun()) discourse.refreshPerson();
  else discourse.setPerson(person, personLike);
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * "the Treaty of Wanghia was signed … on 3 July 1844, and the Treaty of Whampoa between France and China
 * on 24 October 1844": with the verb left out, the second date belongs to the agreement named before it.
 */
function gapped(v: SentenceView, facts: readonly DatedFact[], f: DatedFact): DatedFact {
  const d = v.dates[f.dateIndex]!;
  const earlier = facts.filter((g) => g !== f && g.subject.text === f.subject.text && v.dates[g.dateIndex]!.t0 < d.t0);
  if (earlier.length === 0) return f;
  const after = Math.max(...earlier.map((g) => v.dates[g.dateIndex]!.t1));
  // (Coordinated after the first date: "…, and the Treaty of Whampoa"; a bracketed alias is the same agreement.)
  const name = [...v.names].reverse().find((n) => n.head && AGREEMENT_CLASSES.has(n.head.class) && n.t0 >= after && n.t1 <= d.t0 && n.text !== f.subject.text && v.tokens.slice(after, n.t0).some((t) => t.lower === "and" || t.text === ";") && v.tokens[n.t0 - 1]?.text !== "(");
  if (!name) return f;
  const subject = subjectFromName(name);
  return { ...f, subject, prompt: f.prompt.replace(subjectText(f.subject), subjectText(subject)), confidence: Math.min(f.confidence, 0.8) };
}

/** A month written out: "Today" is no day of the year. */
const WRITTEN_MONTH = new RegExp(`\\b${MONTH_WORD}\\b`);

/** "In 1769, Napoleon Bonaparte was born …" under "Today in History: August 15": 15 August 1769. */
function onDay<D extends SentenceView["dates"][number]>(d: D, v: SentenceView, day: { month: number; day: number } | null): D {
  const opens = d.t0 === 0 || (d.t0 === 1 && v.tokens[0]?.lower === "in");
  if (!day || !opens || d.shape !== "year" || d.approximate) return d;
  const date = { year: d.date.year, month: day.month, day: day.day };
  return { ...d, date, answer: formatDate(date), shape: "day" };
}

/** "a conference in Berlin", "a general congress", "a peace treaty with Spain": an event introduced without a name. */
function describedEvent(v: SentenceView): Referent | null {
  for (let i = 0; i < v.tokens.length - 1; i++) {
    const det = v.tokens[i]!;
    if (!["a", "an"].includes(det.lower)) continue;
    // "The Dual Alliance was a defensive alliance": a predicate describes the name, it is no new event.
    if (v.tokens[i - 1]?.lemma === "be") continue;
    let h = i + 1;
    while (h < v.tokens.length && v.tokens[h]!.pos === "ADJ" && h - i <= 2) h++;
    const noun = v.tokens[h];
    const head = noun ? v.rules.heads.get(noun.lower) : undefined;
    if (!noun || noun.pos !== "NOUN" || !head || head.class === "organisation") continue;
    const prep = v.tokens[h + 1];
    const name = v.names.find((n) => n.t0 === h + 2 || n.t0 === h + 3);
    const described = textOf(v, i + 1, h + 1).toLowerCase();
    if (prep && ["in", "at", "with", "of"].includes(prep.lower) && name) {
      return { text: `${described} ${prep.lower} ${name.text}`, article: true, head: { ...head, word: noun.lower } };
    }
    if (h > i + 1) return { text: described, article: true, head: { ...head, word: noun.lower } };
  }
  return null;
}

/** "Signed: 24 July 1923", "Parties: Turkey; British Empire" under a title naming the event. */
function fieldFacts(ctx: Ctx, unit: Unit, v: SentenceView, title: SentenceView | null, push: (c: Candidate) => void): boolean {
  const key = unit.key ?? "";
  const subjectName = title?.names.find((n) => n.head) ?? title?.names[0];
  const dateKey = ctx.rules.infoboxDates.get(key);
  const valueStart = unit.valueStart ?? unit.start;
  if (dateKey && subjectName) {
    const d = v.dates.find((x) => x.start >= valueStart);
    if (!d) return true;
    ctx.usedDates.add(d.start);
    const s = { text: subjectName.text, article: subjectName.article || !!subjectName.head };
    const verb = dateKey.verb ?? subjectName.head?.verb ?? "took place";
    const x = subjectText({ ...s, event: true, plural: false, via: "title" });
    const prompt = verb === "took place" ? `When did ${x} take place?` : `When was ${x} ${verb}?`;
    const facet = dateKey.verb && dateKey.verb !== subjectName.head?.verb && !["signed", "held", "fought"].includes(dateKey.verb) ? dateKey.verb : "";
    push({ kind: "date", subject: subjectName.text, prompt, answer: d.answer, date: d.date, quote: unit, confidence: 0.9, rule: "infobox-date", facet });
    return true;
  }
  if (ctx.rules.infoboxParties.has(key) && subjectName) {
    const parties = splitPartyValue(ctx.clean.slice(valueStart, unit.end));
    if (parties.length >= 2) {
      const x = subjectText({ text: subjectName.text, article: subjectName.article || !!subjectName.head, event: true, plural: false, via: "title" });
      const verb = /member/.test(key) ? null : "signed";
      const prompt = verb ? `Which parties signed ${x}?` : `Who were the members of ${x}?`;
      push({ kind: "parties", subject: subjectName.text, prompt, answer: joinParties(parties), parties, quote: unit, confidence: 0.9, rule: "infobox-parties" });
    }
    return true;
  }
  return false;
}

/** A table row whose date is not in the first column: the event named in the row takes it. */
function rowFallback(ctx: Ctx, unit: Unit, v: SentenceView, facts: readonly DatedFact[], push: (c: Candidate) => void): void {
  const columns = unit.columns ?? [];
  const cells = unit.cells ?? [];
  // The parties column of a treaty table.
  const pcol = columns.findIndex((c) => ctx.rules.infoboxParties.has(c));
  const subjectName = facts[0]?.subject ?? null;
  const named = v.names.find((n) => n.head);
  // ("North Korean forces cross the 38th parallel | North Korea, South Korea": only an agreement has signatories.)
  // (A "Final Act" or a "Charter" is signed too.)
  const agreement = v.names.find((n) => n.head && (AGREEMENT_CLASSES.has(n.head.class) || n.head.class === "law") && !(pcol >= 0 && cells[pcol] && n.start >= cells[pcol].start));
  const subject = agreement ? (subjectName?.text.startsWith(agreement.text) ? subjectName.text : agreement.text) : null;
  if (pcol >= 0 && cells[pcol] && subject) {
    const parties = splitPartyValue(ctx.clean.slice(cells[pcol].start, cells[pcol].end).replace(/–/g, " "));
    if (parties.length >= 2) {
      const x = subjectText({ text: subject, article: true, event: true, plural: false, via: "name" });
      push({ kind: "parties", subject, prompt: `Which parties signed ${x}?`, answer: joinParties(parties), parties, quote: unit, confidence: 0.85, rule: "table-parties" });
    }
  }
  if (facts.length > 0 || !named?.head) return;
  const d = v.dates[0];
  if (!d) return;
  ctx.usedDates.add(d.start);
  const s = { text: named.text, article: true, event: true, plural: false, via: "name" as const };
  const verb = named.head.verb;
  push({ kind: "date", subject: named.text, prompt: verb === "took place" ? `When did ${subjectText(s)} take place?` : `When was ${subjectText(s)} ${verb}?`, answer: d.answer, date: d.date, quote: unit, confidence: 0.8, rule: "table-row" });
}

const PARTY_VERBS = new Set(["sign", "conclude", "ratify", "negotiate", "agree", "accept", "form", "found", "establish", "create", "join"]);
/** Default verbs of the heads whose "between A and B" names parties (agreements, alliances, meetings). */
const PARTY_DEFAULT_VERBS = new Set(["signed", "concluded", "agreed", "formed", "founded", "established", "held"]);
const AGREEMENT_CLASSES = new Set(["agreement", "organisation", "declaration"]);

/** The actors written just before token `vi`: "Germany and Japan signed", "the Ottoman government signed". */
function actorsBefore(v: SentenceView, vi: number): string[] {
  // "Germany and Soviet Russia later signed …": adverbs before the verb are passed over.
  while (vi > 0 && v.tokens[vi - 1]!.pos === "ADV") vi--;
  let a = vi;
  while (a > 0) {
    const t = v.tokens[a - 1]!;
    if (v.inDate[a - 1] || t.pos === "VERB" || t.pos === "AUX" || t.pos === "SCONJ" || t.pos === "PRON" || [";", ":", "–", "—", "(", ")"].includes(t.text)) break;
    if (t.text === "," && v.inDate[a - 2]) break;
    if (t.pos === "ADP" && t.lower !== "of") break;
    if (t.pos === "ADV") break;
    a--;
  }
  // "At the Washington Naval Conference, the United States, Britain … signed": the opening phrase is no party.
  const firstComma = v.tokens.findIndex((t, i) => i >= a && i < vi && t.text === ",");
  if (firstComma > 0 && v.tokens[a - 1]?.pos === "ADP") a = firstComma + 1;
  // "The Big Three, Roosevelt, Churchill and Stalin, met …": a group named before its members in apposition.
  const closes = v.tokens[vi - 1]?.text === ",";
  if (firstComma > 0 && closes && v.tokens[a]?.lower === "the" && v.tokens.slice(firstComma + 1, vi).some((t) => t.lower === "and")) a = firstComma + 1;
  return partyList(v, a, vi).parties;
}

/** Parties of an agreement named or referred to in the sentence. */
/** The one actor a title names ("Treaties of Soviet Russia, 1918–1922" → Soviet Russia), if it names exactly one. */
function titleActor(title: SentenceView | null): string | null {
  const names = title?.names ?? [];
  const ofPlural = names.map((n) => /^\p{Lu}\p{L}+s of (?:the )?(.+)$/u.exec(n.text)?.[1]).find(Boolean);
  if (ofPlural) return ofPlural;
  const actors = names.filter((n) => !n.head);
  return actors.length === 1 ? actors[0]!.text : null;
}

function partiesFacts(v: SentenceView, facts: readonly DatedFact[], discourse: Discourse, push: (c: Candidate) => void, actor: string | null): void {
  const agreementFact = facts.find((f) => f.subject.event && (f.subject.via !== "name" || v.names.some((n) => n.text === f.subject.text && n.head && AGREEMENT_CLASSES.has(n.head.class))));
  const named = v.names.find((n) => n.head && AGREEMENT_CLASSES.has(n.head.class));
  let subject: Subject | null = agreementFact?.subject ?? (named ? { text: named.text, article: true, event: true, plural: false, via: "name" } : null);
  let parties: string[] = [];
  let rule = "";
  let verb = "signed";
  // "A and B signed the Z (with C)", with or without a date.
  for (let vi = 0; vi < v.tokens.length && parties.length < 2; vi++) {
    const t = v.tokens[vi]!;
    if (t.pos !== "VERB" || !PARTY_VERBS.has(t.lemma) || isPassive(v, vi)) continue;
    const objName = v.names.find((n) => n.t0 >= vi + 1 && n.t0 <= vi + 2 && n.head && AGREEMENT_CLASSES.has(n.head.class));
    const objRef = !objName && v.tokens[vi + 1]?.lower === "the" && v.tokens[vi + 2] ? discourse.definite(v.tokens[vi + 2]!.lower) : null;
    if (!objName && !objRef) continue;
    const actors = actorsBefore(v, vi);
    if (actors.length === 0) continue;
    const objEnd = objName ? objName.t1 : vi + 3;
    if (v.tokens[objEnd]?.lower === "with") actors.push(...partyList(v, objEnd + 1).parties);
    if (t.lemma === "join") continue;
    if (actors.length >= 2) {
      parties = actors;
      rule = "actors";
      verb = pastTense(t);
      subject = objName ? { text: objName.text, article: true, event: true, plural: false, via: "name" } : { text: objRef!.text, article: objRef!.article, event: true, plural: false, via: "definite" };
    }
  }
  // "Declaration by the Soviet Union, United States and Great Britain", "Treaty of Brest Litovsk, Soviet Russia with the Central Powers"
  if (parties.length < 2 && named && named.t0 <= 1) {
    const after = v.tokens[named.t1];
    if (after?.lower === "by") {
      const l = partyList(v, named.t1 + 1);
      if (l.parties.length >= 2) {
        parties = l.parties;
        rule = "by";
        verb = "issued";
        subject = { text: named.text, article: true, event: true, plural: false, via: "name" };
      }
    } else if (after?.text === ",") {
      const withAt = v.tokens.findIndex((t, i) => i > named.t1 && t.lower === "with");
      const a = withAt > 0 ? partyList(v, named.t1 + 1, withAt) : null;
      const b = withAt > 0 ? partyList(v, withAt + 1) : null;
      if (a && b && a.parties.length >= 1 && b.parties.length >= 1 && a.end === withAt) {
        parties = [...a.parties, ...b.parties];
        rule = "with";
        subject = { text: named.text, article: true, event: true, plural: false, via: "name" };
      }
    }
    // Under a title naming one actor, "Treaty of Tartu (1920) with Estonia" is that actor's treaty with Estonia.
    const withAt = v.tokens.findIndex((t, i) => i >= named.t1 && i <= named.t1 + 4 && t.lower === "with");
    if (parties.length < 2 && actor && withAt > 0 && v.tokens.slice(named.t1, withAt).every((t, i) => v.inDate[named.t1 + i] || t.pos === "PUNCT")) {
      const b = partyList(v, withAt + 1).parties;
      if (b.length >= 1 && !b.includes(actor)) {
        parties = [actor, ...b];
        rule = "title-with";
        subject = { text: named.text, article: true, event: true, plural: false, via: "title" };
      }
    }
  }
  // Notes: "Treaty of Turin, 24 Mar 1860 – France & Piedmont-Sardinia; …", "14 June 1985: Schengen Agreement – Belgium, France, …"
  const opener = v.names.find((n) => n.head && AGREEMENT_CLASSES.has(n.head.class) && v.tokens.slice(0, n.t0).every((t, i) => v.inDate[i] || t.pos === "PUNCT"));
  if (parties.length < 2 && opener) {
    let dash = opener.t1;
    // ("**Treaty of Versailles** (28 June 1919) – Germany and the Allied Powers": the date may stand in brackets.)
    while (dash < v.tokens.length && (v.inDate[dash] || [",", "."].includes(v.tokens[dash]!.text) || (["(", ")"].includes(v.tokens[dash]!.text) && (v.inDate[dash + 1] || v.inDate[dash - 1])))) dash++;
    // "Triple Alliance signed in Vienna – Germany, Austria-Hungary, Italy; secret" (a table row read as a line):
    // a short verb phrase may stand between the agreement and its parties.
    if (!["–", "—", "-", ":"].includes(v.tokens[dash]?.text ?? "") && v.tokens[dash]?.pos === "VERB") {
      let q = dash + 1;
      while (q < v.tokens.length && q - dash <= 5 && !["–", "—", ",", ";", ":"].includes(v.tokens[q]!.text)) q++;
      if (["–", "—"].includes(v.tokens[q]?.text ?? "")) dash = q;
    }
    if (["–", "—", "-", ":"].includes(v.tokens[dash]?.text ?? "")) {
      const l = partyList(v, dash + 1);
      const next = v.tokens[l.end];
      // ("Anglo-Japanese Treaty of Commerce: Britain & Jpn agree to end …": the list may be the subject of a signing verb.)
      if (l.parties.length >= 2 && (!next || [";", "(", ".", ":", "→"].includes(next.text) || (next.pos === "VERB" && PARTY_VERBS.has(next.lemma)))) {
        parties = l.parties;
        rule = "note-list";
        subject = { text: opener.text, article: true, event: true, plural: false, via: "name" };
      }
    }
  }
  // "Treaty of Portsmouth (Japan & Russia)": the parties in brackets right after the agreement's name.
  // ("Élysée Treaty between France and West Germany (de Gaulle + Adenauer)": with its parties named, the bracket holds its signers.)
  const bracketed = v.names.find((n) => n.head && AGREEMENT_CLASSES.has(n.head.class) && v.tokens[n.t1]?.text === "(" && !/\sbetween\s/.test(n.text));
  if (parties.length < 2 && bracketed) {
    const l = partyList(v, bracketed.t1 + 1);
    const named = l.parties.every((p) => v.names.some((n) => n.text === p.replace(/^the /, "")));
    if (l.parties.length >= 2 && named && v.tokens[l.end]?.text === ")") {
      parties = l.parties;
      rule = "bracketed";
      subject = { text: bracketed.text, article: true, event: true, plural: false, via: "name" };
    }
  }
  // "The Triple Entente was an alignment of Britain, France and Russia": the members of what the copula names.
  const copula = v.names[0] && v.names[0].t0 <= 1 && v.names[0].head && AGREEMENT_CLASSES.has(v.names[0].head.class) && v.tokens[v.names[0].t1]?.lemma === "be" ? v.names[0] : undefined;
  if (parties.length < 2 && copula) {
    let q = copula.t1 + 1;
    if (["a", "an", "the"].includes(v.tokens[q]?.lower ?? "")) q++;
    while (v.tokens[q]?.pos === "ADJ") q++;
    const noun = v.tokens[q];
    const hw = noun ? v.rules.heads.get(noun.lower) ?? (["alignment", "coalition", "bloc", "league", "partnership", "grouping", "group", "combination"].includes(noun.lower) ? { class: "agreement", verb: "formed" } : undefined) : undefined;
    if (hw && ["agreement", "organisation"].includes(hw.class) && v.tokens[q + 1]?.lower === "of") {
      const l = partyList(v, q + 2);
      if (l.parties.length >= 2) {
        parties = l.parties;
        rule = "copula-of";
        verb = "formed";
        subject = { text: copula.text, article: true, event: true, plural: false, via: "name" };
      }
    }
  }
  // "The Triple Alliance joined Germany, Austria-Hungary and Italy": an alliance that joins or unites its members.
  // ("The Treaty of Rome brought together France, West Germany, …")
  const joiner = v.names.find((n) => n.head && AGREEMENT_CLASSES.has(n.head.class) && (["join", "unite", "link", "bind", "ally"].includes(v.tokens[n.t1]?.lemma ?? "") || (v.tokens[n.t1]?.lemma === "bring" && v.tokens[n.t1 + 1]?.lower === "together")));
  if (parties.length < 2 && joiner) {
    const l = partyList(v, joiner.t1 + (v.tokens[joiner.t1]?.lemma === "bring" ? 2 : 1));
    if (l.parties.length >= 2) {
      parties = l.parties;
      rule = "joined";
      verb = ["treaty", "treaties", "convention", "agreement", "protocol", "accord", "accords"].includes(joiner.head!.word.toLowerCase()) ? "signed" : "formed";
      subject = { text: joiner.text, article: true, event: true, plural: false, via: "name" };
    }
  }
  // "Roosevelt, Churchill and Stalin met at the Yalta Conference", "The Potsdam Conference was attended by …":
  // who took part in a meeting.
  const meeting = v.names.find((n) => n.head?.class === "meeting");
  if (parties.length < 2 && meeting) {
    const at = v.tokens[meeting.t0 - 1]?.lower === "the" ? meeting.t0 - 2 : meeting.t0 - 1;
    const met = ["at", "in"].includes(v.tokens[at]?.lower ?? "") && ["meet", "gather", "assemble"].includes(v.tokens[at - 1]?.lemma ?? "") ? at - 1 : -1;
    const by = v.tokens[meeting.t1]?.lemma === "be" && v.tokens[meeting.t1 + 1]?.lemma === "attend" && v.tokens[meeting.t1 + 2]?.lower === "by" ? meeting.t1 + 3 : -1;
    const l = met > 0 ? { parties: actorsBefore(v, met) } : by > 0 ? partyList(v, by) : { parties: [] };
    if (l.parties.length >= 2) {
      parties = l.parties;
      rule = "attended";
      verb = "attended";
      subject = { text: meeting.text, article: true, event: true, plural: false, via: "name" };
    }
  }
  // "The Casablanca Conference opened in Morocco. Roosevelt and Churchill attended.": the meeting just named.
  const attended = v.tokens.findIndex((t, i) => t.lemma === "attend" && t.pos === "VERB" && (v.tokens[i + 1] === undefined || v.tokens[i + 1]!.text === "."));
  const lastMeeting = attended > 0 ? discourse.pronoun() : null;
  if (parties.length < 2 && lastMeeting && lastMeeting.head.verb === "held") {
    const l = actorsBefore(v, attended);
    if (l.length >= 2) {
      parties = l;
      rule = "attended";
      verb = "attended";
      subject = { text: lastMeeting.text, article: lastMeeting.article, event: true, plural: false, via: "pronoun" };
    }
  }
  // "The signatories of the Holy Alliance were Russia, Austria and Prussia."
  const members = v.tokens.findIndex((t, i) => ["signatories", "members", "parties", "signatory"].includes(t.lower) && v.tokens[i + 1]?.lower === "of");
  if (parties.length < 2 && members >= 0) {
    // (A capitalised "Members of the Holy League" is one name to the chunker: the agreement is its tail.)
    const whole = v.names.find((n) => n.t0 === members && n.t1 > members + 2);
    const of = v.names.find((n) => n.t0 === members + 2 || n.t0 === members + 3) ?? (whole?.head ? { ...whole, text: whole.text.replace(/^\S+ of (?:the )?/i, "") } : undefined);
    const be = of ? v.tokens[of.t1] : undefined;
    // ("Members of the Holy League included Spain, Venice and the Papal States.")
    if (of?.head && (be?.lemma === "be" || be?.lemma === "include")) {
      const l = partyList(v, of.t1 + 1);
      if (l.parties.length >= 2) {
        parties = l.parties;
        rule = "members";
        verb = v.tokens[members]!.lower === "members" ? "formed" : "signed";
        subject = { text: of.text, article: true, event: true, plural: false, via: "name" };
      }
    }
  }
  // "the Treaty of Whampoa, which France and China signed on …": the actors the date rule found.
  if (parties.length < 2 && agreementFact?.actors && agreementFact.actors.length >= 2 && ["signed", "issued", "passed"].includes(agreementFact.subject.defaultVerb ?? "")) {
    parties = agreementFact.actors.map(partyName);
    rule = "actors";
    subject = agreementFact.subject;
    verb = agreementFact.verb ?? verb;
  }
  // "between A and B" — of an agreement named or dated before it ("fought between France and the FLN" names no agreement).
  const between = v.tokens.findIndex((t) => t.lower === "between");
  const agreementBefore = v.names.find((n) => n.head && ["agreement", "declaration"].includes(n.head.class) && n.t1 <= between);
  if (parties.length < 2 && !agreementFact && subject && !agreementBefore && subject.via === "name") subject = null;
  // "Opening of the first railway between Tokyo and Yokohama": a described act that is not an agreement has no signatories.
  if (parties.length < 2 && subject?.via === "description" && !PARTY_DEFAULT_VERBS.has(subject.defaultVerb ?? "")) subject = null;
  // "It was concluded between France and the Allies": the verb's subject, resolved ("it", "the treaty").
  if (parties.length < 2 && !subject && between > 0) {
    const vi = v.tokens.slice(0, between).reduce((at, t, i) => (t.pos === "VERB" && PARTY_VERBS.has(t.lemma) ? i : at), -1);
    const s = vi >= 0 ? subjectOfVerb(v, vi, discourse) : undefined;
    if (s?.event) subject = s;
  }
  // "… formed the Cologne Confederation in 1367, and the war ended with the Treaty of Stralsund, concluded
  // between the Hanseatic towns and Denmark": the agreement named nearest before "between".
  const nearest = between > 0 ? [...v.names].reverse().find((n) => n.head && ["agreement", "declaration"].includes(n.head.class) && n.t1 <= between) : undefined;
  if (parties.length < 2 && nearest && subject?.via === "name" && subject.text !== nearest.text) subject = { text: nearest.text, article: true, event: true, plural: false, via: "name" };
  if (parties.length < 2 && between >= 0 && subject) {
    const l = partyList(v, between + 1);
    if (l.parties.length >= 2) {
      parties = l.parties;
      rule = "between";
      const fv = agreementFact?.verb;
      if (fv && /ed$/.test(fv)) verb = fv;
    }
  }
  // "signed by A, B and C", "founded on 4 April 1949 by …", "signed in Moscow by …"
  for (let by = 0; by < v.tokens.length && parties.length < 2; by++) {
    if (v.tokens[by]!.lower !== "by") continue;
    let vi = by - 1;
    while (vi >= 0 && v.tokens[vi]!.pos !== "VERB" && v.tokens[vi]!.pos !== "AUX") vi--;
    if (vi < 0 || !PARTY_VERBS.has(v.tokens[vi]!.lemma)) continue;
    const l = partyList(v, by + 1);
    if (l.parties.length < 2) continue;
    const found = subjectOfVerb(v, vi, discourse);
    // In a list line that opens with an agreement, a described subject ("the conference of the same name") defers to it.
    const s = found?.via === "description" && named && named.t0 <= 1 ? { text: named.text, article: true, event: true, plural: false, via: "name" as const } : found;
    if (s) subject = s;
    // A name inside the list ("… the Ottoman Empire and the United States") is a party, not the agreement.
    if (!subject || (!s && named && named.t0 > by)) continue;
    parties = l.parties;
    rule = "signed-by";
    verb = pastTense(v.tokens[vi]!);
  }
  if (parties.length < 2 || !subject) return;
  const x = subjectText(subject);
  const conf = (rule === "actors" ? 0.85 : 0.85) * (subject.via === "name" ? 1 : 0.9);
  push({ kind: "parties", subject: subject.text, prompt: verb === "attended" ? `Who attended ${x}?` : `Which parties ${verb} ${x}?`, answer: joinParties(parties), parties, quote: { start: v.start, end: v.end }, confidence: Math.round(conf * 100) / 100, rule: `parties-${rule}` });
}

function isPassive(v: SentenceView, vi: number): boolean {
  for (let q = vi - 1; q >= 0 && q >= vi - 3; q--) {
    const t = v.tokens[q]!;
    if (t.pos === "AUX" && t.lemma === "be") return true;
    if (t.pos !== "ADV" && t.pos !== "AUX") return false;
  }
  return false;
}

/** "signed", "concluded"; "signs" → "signed". */
function pastTense(t: Token): string {
  if (/ed$/.test(t.lower)) return t.lower;
  return t.lemma.endsWith("e") ? `${t.lemma}d` : `${t.lemma}ed`;
}

/** A question and its answer on one line: "Q: When was it signed? A: On 10 April 1998." or "What is X? – A …". */
function inlineQuestion(clean: string, unit: Unit): { question: Span; answer: Span } | null {
  if (unit.kind === "heading" || unit.kind === "row") return null;
  const line = clean.slice(unit.start, unit.end);
  const m = /^((?:Q\s*[:.]\s*)?)((?:What|When|Who|Which|How|Where|Why|In (?:which|what))\b[^?\n]{2,200}\?)\s*(?:A\s*[:.]|[–—-])\s+(?=\S)/.exec(line);
  if (!m) return null;
  const qStart = unit.start + m[1]!.length;
  return { question: { start: qStart, end: qStart + m[2]!.length }, answer: { start: unit.start + m[0].length, end: unit.end } };
}

/** "When were the referendums held?" → "referendums": the noun phrase after the auxiliary, when no name is asked about. */
function askedPhrase(q: SentenceView): string | null {
  const aux = q.tokens.findIndex((t, i) => i <= 2 && (t.pos === "AUX" || t.lemma === "be" || t.lemma === "do"));
  if (aux < 0) return null;
  let i = aux + 1;
  if (q.tokens[i]?.pos === "DET") i++;
  const from = i;
  while (i < q.tokens.length && ["ADJ", "NOUN", "PROPN", "NUM"].includes(q.tokens[i]!.pos)) i++;
  return i > from ? textOf(q, from, i) : null;
}

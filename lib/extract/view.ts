import { findDateExpressions, formatDate, MONTH_WORD, type DateMatch } from "./dates";
import { findNames, type Name } from "./names";
import type { Token } from "./nlp";
import type { RuleSet } from "./rules";
import { firstStartingFrom } from "./spans";
import type { Span } from "./types";

/**
 * One sentence (or list line, table row, field) seen by the fact rules: its
 * tokens with part-of-speech tags, the dates and names in it, and the token
 * range of each date. Built once per sentence from the document's tokens.
 */
export interface SentenceView extends Span {
  tokens: Token[];
  names: Name[];
  /** (`inherited`: the year comes from the running text, not from the date itself.) */
  dates: (DateMatch & { t0: number; t1: number; inherited?: boolean })[];
  /** Token index → inside a date expression. */
  inDate: boolean[];
  clean: string;
  rules: RuleSet;
}

/**
 * Headline and note style ("Soviet Union launches Sputnik 1", "Mongol armies under Batu Khan sack
 * Kyiv") has no auxiliaries and short clauses, and the tagger reads its verbs as nouns. In a clause
 * with no verb at all, a lower-case "noun" between a subject (a name or a plural noun) and an
 * object or preposition is the verb.
 */
function retagHeadlineVerbs(tokens: Token[], rules: RuleSet): Token[] {
  const anyVerb = tokens.some((t) => t.pos === "VERB" || t.pos === "AUX");
  const out = tokens.slice();
  for (let i = 1; i < out.length - 1; i++) {
    const t = out[i]!;
    const prev = out[i - 1]!;
    const next = out[i + 1]!;
    const subjectBefore = prev.pos === "PROPN" || (prev.pos === "NOUN" && /s$/.test(prev.lower)) || /^\d{1,2}$/.test(prev.text);
    const objectAfter = ["PROPN", "DET", "ADJ"].includes(next.pos) || (next.pos === "ADP" && ["as", "into", "to", "on", "from", "with", "in"].includes(next.lower));
    const lemma = t.lower.replace(/(?<=(?:ch|sh|x|ss|z))es$/, "").replace(/(?<=[^s])s$/, "");
    // With a verb elsewhere ("… signs the October Manifesto promising an elected Duma"), only a verb the
    // rules know, in its headline "-s" form and before any other verb, is read as the clause's verb.
    const known = /s$/.test(t.lower) && (rules.signVerbs.has(lemma) || rules.intransitiveVerbs.has(lemma)) && !out.slice(0, i).some((x) => x.pos === "VERB" || x.pos === "AUX");
    // "Soviet troops liberated Auschwitz": a past form read as an adjective between a subject and a name.
    const pastAdjective = t.pos === "ADJ" && /ed$/.test(t.lower) && (prev.pos === "NOUN" || prev.pos === "PROPN") && (next.pos === "PROPN" || next.pos === "DET") && !out.slice(0, i).some((x) => x.pos === "VERB" || x.pos === "AUX");
    if (pastAdjective) {
      out[i] = { ...t, pos: "VERB", lemma: t.lower.replace(/ied$/, "y").replace(/(?<=[^aeiou][aeiou][^aeiouwxy])ed$/, "e").replace(/ed$/, "") };
      break;
    }
    if (t.pos === "NOUN" && /^\p{Ll}+$/u.test(t.text) && subjectBefore && objectAfter && (!anyVerb || known)) {
      out[i] = { ...t, pos: "VERB", lemma };
      break;
    }
  }
  return out;
}

function inheritYear<D extends { date: { year: number; month?: number | undefined }; answer: string; yearless: boolean }>(d: D, year: number): D {
  const date = { year, month: d.date.month! };
  return { ...d, date, answer: `${d.answer.split(" ")[0]} ${year}`, yearless: false };
}

/** "30 October", "October 30", "the 4th of July": written out, not relative ("the next day", "the day after 31 Jan"). */
const WRITTEN_DAY_MONTH = new RegExp(`^(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?${MONTH_WORD}\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?$`);

/** The year (and month) the running text is in, for day-and-month dates written without a year. */
export interface DateContext {
  year: number;
  month?: number;
}

/**
 * "On 5 November the UN General Assembly …" after "… on 29 October 1956": a day and month with no year,
 * in the same stretch of prose and not earlier in the year than the last full date, is in that year.
 */
function inheritContext<D extends { date: { year: number; month?: number | undefined; day?: number | undefined }; answer: string; yearless: boolean }>(d: D, c: DateContext): D | null {
  if (d.date.month === undefined || (c.month !== undefined && d.date.month < c.month)) return null;
  const date = { year: c.year, month: d.date.month, ...(d.date.day !== undefined ? { day: d.date.day } : {}) };
  return { ...d, date, answer: formatDate(date), yearless: false, inherited: true };
}

export function sentenceView(allTokens: readonly Token[], span: Span, clean: string, rules: RuleSet, line = false, context: DateContext | null = null): SentenceView {
  const a = firstStartingFrom(allTokens, span.start);
  let b = a;
  while (b < allTokens.length && (allTokens[b]?.end ?? Infinity) <= span.end) b++;
  const tokens = retagHeadlineVerbs(allTokens.slice(a, b).filter((t) => t.pos !== "SPACE" && /\S/.test(t.text)), rules);
  const inDate = tokens.map(() => false);
  const dates: SentenceView["dates"] = [];
  const found = findDateExpressions(clean.slice(span.start, span.end));
  // A chronology line's year is the year of a bare month later in the line ("1962 – Cuban Missile Crisis in October").
  const lineYear = line && found[0] && found[0].start <= 1 && !found[0].yearless ? found[0].date.year : undefined;
  // (Within the sentence, its own last full date is the running one: "14 Feb 1918 — … (the day after 31 Jan)".)
  let running = context;
  for (const d0 of found) {
    const written = WRITTEN_DAY_MONTH.test(clean.slice(span.start + d0.start, span.start + d0.end).trim());
    const d = lineYear !== undefined && d0.yearless && d0.date.day === undefined && d0.date.month !== undefined ? inheritYear(d0, lineYear) : d0.yearless && running && written ? (inheritContext(d0, running) ?? d0) : d0;
    if (!d0.yearless && d0.shape !== "range") running = { year: d0.date.year, ...(d0.date.month !== undefined ? { month: d0.date.month } : {}) };
    const start = span.start + d.start;
    const end = span.start + d.end;
    const at = firstStartingFrom(tokens, start);
    // "the 1st of October 1960: Nigeria becomes …": a line's opening "the" belongs to its date.
    const t0 = line && at === 1 && tokens[0]?.lower === "the" ? 0 : at;
    // "the October Revolution": a month name inside a name is no date.
    if (d.yearless && /^\p{L}+\.?$/u.test(clean.slice(start, end)) && /^\p{Lu}/u.test(tokens[t0 + 1]?.text ?? "")) continue;
    let t1 = t0;
    while (t1 < tokens.length && (tokens[t1]?.start ?? Infinity) < end) inDate[t1++] = true;
    if (!d.yearless) dates.push({ ...d, start, end, t0, t1 });
    else for (let k = t0; k < t1; k++) inDate[k] = true;
  }
  const names = findNames(tokens, 0, tokens.length, clean, rules, (i) => inDate[i] === true);
  const v = { ...span, tokens, names, dates, inDate, clean, rules };
  for (const n of names) qualifyGeneric(v, n, line);
  return v;
}

/**
 * A generic agreement name ("Agreement", "Non-aggression Pact", "Alliance Treaty") tells
 * nothing apart by itself: followed by "between A and B", the parties belong to the name
 * ("Non-aggression Pact between the Soviet Union and France").
 */
function topicOnly(v: SentenceView, n: Name): void {
  const on = v.tokens.findIndex((t, i) => i > n.t1 && ["on", "regarding", "concerning"].includes(t.lower) && !v.inDate[i + 1]);
  if (on < 0 || v.inDate.slice(n.t1, on).some(Boolean) || v.tokens.slice(n.t1, on).some((t) => t.pos === "VERB")) return;
  let e = on + 1;
  while (e < v.tokens.length && e - on <= 8 && !v.inDate[e] && ![",", ";", ".", "(", ":"].includes(v.tokens[e]!.text)) e++;
  n.text = `${n.text} ${textOf(v, on, e)}`;
}

function qualifyGeneric(v: SentenceView, n: Name, line: boolean): void {
  // "the Treaty of Friendship … (Warsaw Pact)": the name students know is the one in brackets.
  const alias = v.tokens[n.t1]?.text === "(" ? v.names.find((m) => m.t0 === n.t1 + 1 && m.head && v.tokens[m.t1]?.text === ")") : undefined;
  if (alias && n.head) {
    n.text = alias.text;
    n.article = true;
    return;
  }
  // In a list line the entry's title is the whole "Pact of Mutual Assistance between the Soviet Union and Latvia".
  const generic = !v.tokens.slice(n.t0, n.t1).some((t) => t.lower === "of") && n.t1 - n.t0 <= 3;
  if (n.head && ["agreement", "declaration"].includes(n.head.class) && ["concerning", "regarding"].includes(v.tokens[n.t1]?.lower ?? "")) {
    // "Declaration of the Government of the Soviet Union concerning the assumption of full sovereignty …"
    let e = n.t1 + 1;
    while (e < v.tokens.length && e - n.t1 <= 8 && !v.inDate[e] && ![",", ";", ".", "(", ":"].includes(v.tokens[e]!.text)) e++;
    n.text = `${n.text} ${textOf(v, n.t1, e)}`;
    return;
  }
  // "Statement by the Governments of … on Zones of Occupation in Germany": a statement is told apart by its topic.
  if (n.head && n.head.class === "declaration" && generic && v.tokens[n.t1]?.lower === "by") {
    topicOnly(v, n);
    return;
  }
  if (!n.head || n.head.class !== "agreement" || !(generic || (line && n.t0 <= 1))) return;
  // "Protocol concluded between …" reads as "Protocol between …".
  const at = v.tokens[n.t1]?.lower === "between" ? n.t1 : v.tokens[n.t1]?.pos === "VERB" && v.tokens[n.t1 + 1]?.lower === "between" ? n.t1 + 1 : -1;
  if (at < 0) return;
  let k = at + 1;
  let sawAnd = false;
  while (k < v.tokens.length) {
    const t = v.tokens[k]!;
    // "Government-in-Exile": a hyphenated compound is one word.
    const inCompound = v.tokens[k - 1]?.text === "-" && v.tokens[k - 1]!.end === t.start && v.tokens[k + 1]?.text === "-";
    const participle = t.pos === "VERB" && /ed$/.test(t.lower) && v.tokens[k + 1]?.pos === "PROPN";
    // (A dash ends the name: "… between the United States and Japan – United States, Japan" is a table's next cell.)
    if (!inCompound && !participle && (v.inDate[k] || t.pos === "VERB" || t.pos === "AUX" || (t.pos === "ADP" && t.lower !== "of") || [",", ";", "(", ".", ":", "–", "—"].includes(t.text))) {
      if (t.text === "," && !sawAnd) {
        k++;
        continue;
      }
      break;
    }
    if (t.lower === "and" || t.text === "&") sawAnd = true;
    k++;
  }
  if (!sawAnd) return;
  // "… in London on Mutual Assistance": a place before the topic is passed over.
  if (["in", "at"].includes(v.tokens[k]?.lower ?? "") && v.names.some((m) => m.t0 === k + 1) && ["on", "regarding", "concerning"].includes(v.tokens[(v.names.find((m) => m.t0 === k + 1)?.t1 ?? 0)]?.lower ?? "")) {
    k = v.names.find((m) => m.t0 === k + 1)!.t1;
  }
  // "… on Mutual Assistance", "… regarding the administration of …": the topic tells two agreements of one day apart.
  if (["on", "regarding", "concerning"].includes(v.tokens[k]?.lower ?? "")) {
    let e = k + 1;
    while (e < v.tokens.length && e - k <= 10 && !v.inDate[e] && ![",", ";", ".", "(", ":"].includes(v.tokens[e]!.text) && !(v.tokens[e]!.pos === "VERB" && e > k + 1)) e++;
    if (e - k <= 10) k = e;
  }
  // "… and the Soviet Union (Warsaw Pact)": the name in brackets is the one students know.
  const known = v.tokens[k]?.text === "(" ? v.names.find((m) => m.t0 === k + 1 && m.head && v.tokens[m.t1]?.text === ")") : undefined;
  if (known) {
    n.text = known.text;
    n.article = true;
    return;
  }
  n.text = `${n.text} ${textOf(v, at, k)}`.replace(/\s+/g, " ");
  if (at === n.t1) {
    n.t1 = k;
    n.end = v.tokens[k - 1]!.end;
  }
}

/** Display text of tokens [t0, t1) from the clean text. */
export function textOf(v: SentenceView, t0: number, t1: number): string {
  const first = v.tokens[t0];
  const last = v.tokens[t1 - 1];
  if (!first || !last || t1 <= t0) return "";
  return v.clean
    .slice(first.start, last.end)
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .trim();
}

/** The name whose last token is t (or undefined). */
export const nameEndingAt = (v: SentenceView, t: number): Name | undefined => v.names.find((n) => n.t1 - 1 === t);
/** The name containing token t. */
export const nameAt = (v: SentenceView, t: number): Name | undefined => v.names.find((n) => n.t0 <= t && t < n.t1);

export interface NounPhrase {
  t0: number;
  t1: number;
  /** As written, the determiner left out; a common noun opening a line is lower-cased. */
  text: string;
  /** The head noun, lower case: the last noun before the first "of" ("blockade" in "Soviet blockade of West Berlin"). */
  head: string;
  hasName: boolean;
  determiner: boolean;
}

const NP_WORD = new Set(["NOUN", "PROPN", "ADJ"]);

/** The noun phrase whose last token is k ("the Soviet blockade of West Berlin", "the Tokugawa shogunate"). */
export function nounPhraseEndingAt(v: SentenceView, k: number, floor: number): NounPhrase | null {
  const last = v.tokens[k];
  if (!last || (last.pos !== "NOUN" && last.pos !== "PROPN" && !nameAt(v, k)) || v.inDate[k]) return null;
  let j = k;
  for (;;) {
    const prevName = nameAt(v, j - 1);
    if (prevName && prevName.t0 >= floor) {
      j = prevName.t0;
      continue;
    }
    const p = v.tokens[j - 1];
    if (!p || j - 1 < floor || v.inDate[j - 1]) break;
    // "most-favoured-nation clause": a hyphenated compound is one word, whatever its parts are tagged.
    const hyphenated = p.end === v.tokens[j]?.start && (p.text === "-" || v.tokens[j]?.text === "-");
    if (NP_WORD.has(p.pos) || (p.pos === "NUM" && !v.inDate[j - 1]) || p.text === "-" || p.text === "'s" || p.text === "’s" || hyphenated) {
      j--;
      continue;
    }
    // "of" inside the phrase: "blockade of West Berlin", "invasion of the Soviet Union".
    if (p.lower === "the" && v.tokens[j - 2]?.lower === "of" && NP_WORD.has(v.tokens[j - 3]?.pos ?? "")) {
      j -= 2;
      continue;
    }
    if (p.lower === "of" && NP_WORD.has(v.tokens[j - 2]?.pos ?? "")) {
      j--;
      continue;
    }
    break;
  }
  const det = v.tokens[j - 1];
  const determiner = !!det && det.pos === "DET" && j - 1 >= floor;
  let headAt = k;
  for (let q = j; q <= k; q++) {
    if (v.tokens[q]!.lower === "of") break;
    if (v.tokens[q]!.pos === "NOUN" || v.tokens[q]!.pos === "PROPN") headAt = q;
  }
  const first = v.tokens[j]!;
  let text = textOf(v, j, k + 1);
  if (first.pos === "NOUN" && /^\p{Lu}\p{Ll}/u.test(first.text) && !nameAt(v, j)) text = text[0]!.toLowerCase() + text.slice(1);
  return { t0: j, t1: k + 1, text, head: v.tokens[headAt]!.lower, hasName: v.names.some((n) => n.t0 < k + 1 && n.t1 > j), determiner };
}

/**
 * How a sentence opens with the name `n`: "X …" ("bare"), "His lieutenant X …" ("role"), "Their leader, X, …"
 * ("role-comma"), or not at all (null). Who "he" is next is read from it.
 */
export function nameOpening(v: SentenceView, n: Name | undefined): "bare" | "role" | "role-comma" | null {
  if (!n) return null;
  if (n.t0 === 0) return "bare";
  const lead = v.tokens.slice(0, n.t0);
  if (lead.length < 2 || lead.length > 3 || !/^(?:his|her|their|its)$/i.test(lead[0]!.text) || lead[1]!.pos !== "NOUN") return null;
  if (lead.length === 2) return "role";
  return lead[2]!.text === "," ? "role-comma" : null;
}

import type { Candidate } from "./candidate";
import type { SentenceView } from "./view";

/**
 * Definitions written in the text: acronyms ("North Atlantic Treaty
 * Organization (NATO)", "NATO (North Atlantic Treaty Organization)"), glosses
 * ("glasnost (openness)"), appositions ("appeasement, a policy of …"),
 * copulas ("Perestroika was the restructuring of …"), "known as", "short
 * for", and glossary lines ("Magna Carta – a charter of rights …").
 */

type Term = { term: string; definition: string; prompt: string; rule: string; confidence: number };

const SMALL = new Set(["of", "the", "and", "for", "de", "on", "in", "to", "a", "an", "&"]);
const NOT_TERMS = new Set([
  "significance", "result", "results", "outcome", "cause", "causes", "effect", "effects", "location", "date", "dates", "type", "why", "who", "what", "when", "where",
  "key", "note", "notes", "impact", "aim", "aims", "terms", "consequences", "background", "summary", "leader", "leaders", "place", "year", "event", "events", "object",
  "period", "q", "a", "answer", "question", "source", "sources", "see", "material", "medium", "dimensions", "lender", "credit", "status", "founded", "members", "parties",
  "signed", "belligerents", "commanders", "strength", "casualties", "language", "languages", "capital", "government", "area", "population", "currency", "motto", "context",
]);

const trimDef = (s: string): string => s.replace(/\s+/g, " ").replace(/[\s,;:.]+$/, "").trim();
const stripArticle = (s: string): string => s.replace(/^(?:the|a|an)\s+/i, "");

/** Do the capitalised words' initials spell the acronym? Returns the expansion's start word, or -1. */
function expansionStart(words: readonly string[], acronym: string): number {
  const letters = acronym.replace(/[.&\s]/g, "").toUpperCase();
  for (let s = words.length - 1; s >= 0; s--) {
    const initials = words
      .slice(s)
      .filter((w) => !SMALL.has(w.toLowerCase()))
      .map((w) => w.split("-").map((p) => p[0] ?? "").join(""))
      .join("")
      .toUpperCase();
    if (initials === letters) return SMALL.has(words[s]!.toLowerCase()) ? -1 : s;
    if (initials.length > letters.length + 1) return -1;
  }
  return -1;
}

function acronyms(s: string): Term[] {
  const out: Term[] = [];
  // "the North Atlantic Treaty Organization (NATO)"
  for (const m of s.matchAll(/((?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|&)(?:\s+(?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|&)){1,10})\s*\((\p{Lu}[\p{Lu}.&]{1,9}s?)\)/gu)) {
    const words = (m[1] ?? "").split(/\s+/);
    const acr = m[2] ?? "";
    const k = expansionStart(words, acr.replace(/s$/, ""));
    if (k < 0) continue;
    out.push({ term: acr, definition: words.slice(k).join(" "), prompt: `What does ${acr} stand for?`, rule: "acronym", confidence: 0.95 });
  }
  // "NATO (North Atlantic Treaty Organization)"
  for (const m of s.matchAll(/(?<![\p{L}])(\p{Lu}[\p{Lu}.&]{1,9})\s*\(((?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|&)(?:\s+(?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|&)){1,10})\)/gu)) {
    const words = (m[2] ?? "").split(/\s+/);
    if (expansionStart(words, m[1] ?? "") !== 0) continue;
    out.push({ term: m[1] ?? "", definition: m[2] ?? "", prompt: `What does ${m[1]} stand for?`, rule: "acronym", confidence: 0.95 });
  }
  return out;
}

function glosses(s: string): Term[] {
  const out: Term[] = [];
  // "glasnost (openness)", "perestroika (restructuring of the economy)"
  for (const m of s.matchAll(/(?<![\p{L}-])(\p{Ll}[\p{L}-]{3,30})\s*\(((?:\p{Ll}[\p{L}'-]*)(?:\s+\p{Ll}[\p{L}'-]*){0,5})\)/gu)) {
    const term = m[1] ?? "";
    const def = m[2] ?? "";
    if (/^(?:see|cf|e\.g|i\.e|or|and|also|now|today|modern|formerly)\b/.test(def)) continue;
    out.push({ term, definition: def, prompt: `What does "${term}" mean?`, rule: "gloss", confidence: 0.7 });
  }
  return out;
}

const NP = "(?:[\\p{L}][\\p{L}'’-]*)(?:\\s+(?:of\\s+|the\\s+|de\\s+)?[\\p{L}][\\p{L}'’-]*){0,4}";

function appositions(s: string, v: SentenceView): Term[] {
  const out: Term[] = [];
  // "appeasement, a policy of making concessions, …" — the term is what stands right before the comma.
  for (const m of s.matchAll(new RegExp(`(?:^|(?<=\\s))(${NP})\\s*,\\s*((?:an?|the)\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:policy|system|term|name|doctrine|movement|programme|program|plan|series|practice|process|period|belief|idea|ideology|strategy|agreement|treaty|alliance|organisation|organization|body|group|council|assembly|law|tax|institution|form|style|word|principle|theory|campaign|war|conflict|era|union|league|state|regime|policy|army|force|party|club|society|trade|network|route|code|charter|document|declaration|method|kind|type|title)\\b[^,;()]{0,120}?)\\s*(?:,|;|\\.$|\\)|$)`, "gu"))) {
    let term = (m[1] ?? "").trim();
    const def = trimDef(m[2] ?? "");
    // Keep only the noun phrase: drop a leading verb/preposition phrase ("pursued appeasement" → "appeasement").
    const words = term.split(/\s+/);
    const caps = words.findIndex((w) => /^\p{Lu}/u.test(w));
    term = caps >= 0 ? words.slice(caps).join(" ") : (words[words.length - 1] ?? "");
    term = stripArticle(term);
    if (!term || NOT_TERMS.has(term.toLowerCase()) || /^\d/.test(term)) continue;
    if (def.split(" ").length < 3) continue;
    if (v.dates.some((d) => s.indexOf(def) >= 0 && d.start - v.start >= s.indexOf(def) && d.end - v.start <= s.indexOf(def) + def.length) && /signed|founded|fought/.test(def)) continue;
    out.push({ term, definition: def, prompt: `What was ${/^\p{Lu}/u.test(term) && !/^\p{Lu}{2,}$/u.test(term) && /\s/.test(term) ? `the ${term}` : term}?`, rule: "apposition", confidence: 0.75 });
  }
  return out;
}

function copulas(s: string, v: SentenceView): Term[] {
  const m = new RegExp(`^(?:The\\s+)?(${NP})\\s+(?:is|was|are|were)\\s+((?:a|an|the)\\s+(?!first|last|only|second|third|largest|biggest|main|most|best|worst|same)[^;]{5,180}?)\\s*(?:;|\\.\\s*$|$)`, "u").exec(s);
  if (!m) return [];
  const term = (m[1] ?? "").trim();
  const def = trimDef(m[2] ?? "");
  if (NOT_TERMS.has(term.toLowerCase()) || /^(?:it|this|that|he|she|they|there)$/i.test(term)) return [];
  // A dated sentence is a fact about an event, not a definition.
  if (v.dates.length > 0 || /\b(?:signed|fought|founded|born|died)\b/.test(def)) return [];
  const name = v.names.find((n) => n.text === term || n.text.endsWith(term));
  const conceptual = !name || !!name.head;
  return [{ term, definition: def, prompt: `What ${/\b(?:are|were)\b/.test(s.slice(0, 60)) ? "were" : "was"} ${/^\p{Lu}/u.test(term) && !/^\p{Lu}{2,}$/u.test(term) && s.startsWith("The ") ? `the ${term}` : term}?`, rule: "copula", confidence: conceptual ? 0.7 : 0.5 }];
}

function knownAs(s: string): Term[] {
  const out: Term[] = [];
  for (const m of s.matchAll(/((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}'’-]*){0,6})\s*,?\s*(?:\(\s*)?(?:also\s+|commonly\s+|popularly\s+|often\s+|later\s+|sometimes\s+|better\s+)?(?:known|referred to)\s+as\s+(?:the\s+)?["“]?((?:\p{Lu}|\p{Ll})[\p{L}'’-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}'’-]*){0,6})/gu)) {
    const term = stripArticle((m[1] ?? "").trim());
    const def = (m[2] ?? "").trim();
    if (!term || !def || term === def) continue;
    out.push({ term, definition: def, prompt: `What was ${/\s/.test(term) ? `the ${term}` : term} also known as?`, rule: "known-as", confidence: 0.75 });
  }
  for (const m of s.matchAll(/(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s*,?\s*\(?\s*short\s+for\s+(?:the\s+)?["“]?([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,6})/gu)) {
    out.push({ term: m[1] ?? "", definition: trimDef(m[2] ?? ""), prompt: `What is "${m[1]}" short for?`, rule: "short-for", confidence: 0.85 });
  }
  return out;
}

/** A glossary line: "Magna Carta – a charter of rights …", "**Appeasement**: giving in to …". */
function glossaryLine(s: string): Term[] {
  const m = /^(?:\*\*)?([\p{L}][\p{L}'’ -]{1,50}?)(?:\*\*)?\s*(?:–|—|:|\s-\s)\s*((?:a|an|the)\s+[^]{8,240}|\p{Ll}[^]{8,240})$/u.exec(s);
  if (!m) return [];
  const term = (m[1] ?? "").trim();
  if (term.split(/\s+/).length > 5 || NOT_TERMS.has(term.toLowerCase())) return [];
  const def = trimDef((m[2] ?? "").split(/(?<=\.)\s/)[0] ?? "");
  return [{ term, definition: def, prompt: `What was ${term}?`, rule: "glossary-line", confidence: 0.8 }];
}

export function termCandidates(v: SentenceView, line: boolean): Candidate[] {
  const s = v.clean.slice(v.start, v.end).replace(/\s+/g, " ").trim();
  const found = [...acronyms(s), ...glosses(s), ...knownAs(s), ...(line ? glossaryLine(s) : []), ...appositions(s, v), ...(line ? [] : copulas(s, v))];
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const t of found) {
    const key = t.term.toLowerCase();
    if (seen.has(key) || !t.definition || t.definition.toLowerCase() === key) continue;
    seen.add(key);
    out.push({ kind: "term", subject: t.term, prompt: t.prompt, answer: t.definition, term: t.term, definition: t.definition, quote: { start: v.start, end: v.end }, confidence: t.confidence, rule: t.rule });
  }
  return out;
}

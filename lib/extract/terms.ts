import type { Candidate } from "./candidate";
import { nameEndingAt, nounPhraseEndingAt, textOf, type SentenceView } from "./view";

/**
 * Definitions written in the text: acronyms ("North Atlantic Treaty
 * Organization (NATO)", "NATO (North Atlantic Treaty Organization)"), glosses
 * ("glasnost (openness)"), appositions ("appeasement, a policy of …"),
 * copulas ("Perestroika was the restructuring of …"), "known as", "short
 * for", and glossary lines ("Magna Carta – a charter of rights …").
 */

type Term = { term: string; definition: string; prompt: string; rule: string; confidence: number };

const SMALL = new Set(["of", "the", "and", "for", "de", "on", "in", "to", "at", "a", "an", "&"]);


/** A definition without its trailing examples or cross-references ("…, e.g. Mitsui", "… (see 1858)"). */
const trimDef = (s: string): string =>
  s
    .replace(/\s+/g, " ")
    .replace(/\s*\((?:see|cf\.?)\s[^)]*\)/gi, "")
    .replace(/,?\s*\b(?:e\.g|i\.e|etc|cf)\.?(?:\s.*)?$/i, "")
    .replace(/[\s,;:.]+$/, "")
    .trim();
const stripArticle = (s: string): string => s.replace(/^(?:the|a|an)\s+/i, "");

/**
 * Do the words spell the acronym? Each significant word gives its first letter
 * and may give later letters in order ("SouthEast" → SE in SEATO, "CO-operation"
 * → CO in CSCE); small words may give nothing. Returns the start word of the
 * expansion (the shortest tail of `words` that spells it), or -1.
 */
function expansionStart(words: readonly string[], acronym: string): number {
  const letters = acronym.replace(/[.&\s-]/g, "").toUpperCase();
  for (let s = words.length - 1; s >= 0; s--) {
    if (SMALL.has(words[s]!.toLowerCase())) continue;
    if (spells(words.slice(s), letters)) return s;
  }
  return -1;
}

function spells(words: readonly string[], letters: string): boolean {
  const go = (w: number, l: number): boolean => {
    if (w === words.length) return l === letters.length;
    const word = words[w]!;
    const small = SMALL.has(word.toLowerCase());
    if (small && go(w + 1, l)) return true;
    if (l >= letters.length || word[0]?.toUpperCase() !== letters[l]) return false;
    // The first letter, then optionally more letters of the same word, in order.
    const rest = word.slice(1).toUpperCase();
    const tails: number[] = [l + 1];
    for (let k = l + 1, from = 0; k < letters.length; k++) {
      const at = rest.indexOf(letters[k]!, from);
      if (at < 0) break;
      from = at + 1;
      tails.push(k + 1);
    }
    return tails.some((t) => go(w + 1, t));
  };
  return go(0, 0);
}

function acronyms(s: string): Term[] {
  const out: Term[] = [];
  // "the North Atlantic Treaty Organization (NATO)"
  for (const m of s.matchAll(/((?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|&)(?:\s+(?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|&)){1,10})\s*\((\p{Lu}[\p{Lu}.&]{1,9}s?)\)/gu)) {
    const words = (m[1] ?? "").split(/\s+/);
    const acr = m[2] ?? "";
    const k = expansionStart(words, acr.replace(/s$/, ""));
    if (k >= 0) {
      out.push({ term: acr, definition: words.slice(k).join(" "), prompt: `What does ${acr} stand for?`, rule: "acronym", confidence: 0.95 });
      continue;
    }
    // "German Democratic Republic (DDR)": the initials of another language; as many letters as words.
    const significant = words.filter((w) => !SMALL.has(w.toLowerCase()));
    const letters = acr.replace(/[.&]/g, "");
    const tail = significant.slice(-letters.length);
    if (letters.length >= 2 && tail.length === letters.length && tail.every((w) => /^\p{Lu}/u.test(w)) && tail[0]![0] !== letters[0] && words.length >= letters.length) {
      const from = words.lastIndexOf(tail[0]!);
      out.push({ term: acr, definition: words.slice(from).join(" "), prompt: `What is ${acr}?`, rule: "acronym-other-language", confidence: 0.65 });
    }
  }
  // "NATO (North Atlantic Treaty Organization)"
  for (const m of s.matchAll(/(?<![\p{L}])(\p{Lu}[\p{Lu}.&]{1,9})\s*\(((?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|in|at|to|&)(?:\s+(?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|de|on|in|at|to|&)){1,10})\)/gu)) {
    const words = (m[2] ?? "").split(/\s+/);
    if (expansionStart(words, m[1] ?? "") !== 0) continue;
    out.push({ term: m[1] ?? "", definition: m[2] ?? "", prompt: `What does ${m[1]} stand for?`, rule: "acronym", confidence: 0.95 });
  }
  return out;
}

function glosses(s: string, v: SentenceView): Term[] {
  const out: Term[] = [];
  // "Appeasement (the policy of giving in to an aggressor's demands)": a defining phrase in brackets.
  for (const m of s.matchAll(/(?<![\p{L}])(\p{L}[\p{L}-]{3,30})\s*\(((?:the|a|an)\s+\p{Ll}[^()]{8,120})\)/gu)) {
    const term = m[1]!;
    if (v.rules.notTerms.has(term.toLowerCase()) || /\d/.test(m[2]!)) continue;
    out.push({ term, definition: trimDef(m[2]!), prompt: whatQuestion(term, false, false), rule: "bracket-definition", confidence: 0.7 });
  }
  // "glasnost (openness)", "perestroika (restructuring of the economy)"; "well-to-do farmers (kulaks)" names the term second.
  for (const m of s.matchAll(/(?<![\p{L}-])((?:\p{Ll}[\p{L}-]*\s+)?\p{Ll}[\p{L}-]{3,30})\s*\(((?:\p{Ll}[\p{L}'-]*)(?:\s+\p{Ll}[\p{L}'-]*){0,5})\)/gu)) {
    const before = m[1] ?? "";
    const inside = m[2] ?? "";
    const reversed = /\s/.test(before) && !/\s/.test(inside) && /^\p{Ll}[\p{L}-]*-[\p{L}-]+\s|^(?:poor|rich|small|large|wealthy|landless|well-to-do)\s/u.test(before);
    const term = reversed ? inside : (before.split(/\s+/).pop() ?? "");
    const def = reversed ? before : inside;
    if (v.rules.notGlosses.has(term.toLowerCase())) continue;
    if (/^(?:see|cf|e\.g|i\.e|or|and|also|now|today|modern|formerly)\b/.test(def) || v.rules.notGlosses.has(def.toLowerCase())) continue;
    // "Satsuma & Chōshū forces (pro-emperor)": a stance in brackets describes, it does not define.
    if (/^(?:pro|anti|non|ex|neo|post|pre)-\S+$/.test(def)) continue;
    out.push({ term, definition: def, prompt: `What does "${term}" mean?`, rule: "gloss", confidence: 0.7 });
  }
  return out;
}

const NP = "(?:[\\p{L}][\\p{L}'’–-]*)(?:\\s+(?:of\\s+|the\\s+|de\\s+)?[\\p{L}][\\p{L}'’–-]*){0,4}";

/** "What was the Entente Cordiale?", "What is decolonisation?" */
function whatQuestion(term: string, present: boolean, article: boolean): string {
  // "What were reparations?", "What was the war guilt clause?": plural terms and common-noun phrases read as such.
  // ("Unequal treaties": a phrase whose last, lower-case word is plural.)
  const plural = (/[^su]s$/.test(term) && !/\s/.test(term) && !/^\p{Lu}{2,}/u.test(term)) || /\s\p{Ll}[\p{L}-]*(?:ies|[^sui]s)$/u.test(term);
  const phrase = /^\p{Lu}\p{Ll}+(?:\s+\p{Ll}[\p{L}-]*)+$/u.test(term);
  const shown = phrase ? term[0]!.toLowerCase() + term.slice(1) : term;
  const verb = present ? (plural ? "are" : "is") : plural ? "were" : "was";
  return `What ${verb} ${article || phrase ? `the ${shown}` : shown}?`;
}

/**
 * "appeasement, a policy of making concessions, …", "Prohibition, the nationwide
 * ban on …, went into effect", "became tlatoani, the title of the Mexica ruler".
 * The term is the noun phrase right before the comma; the definition runs to the
 * comma that gives the sentence back to its verb, or to the end.
 */
function appositions(v: SentenceView): Term[] {
  const out: Term[] = [];
  const toks = v.tokens;
  for (let i = 1; i < toks.length - 2; i++) {
    if (toks[i]!.text !== ",") continue;
    const d0 = i + 1;
    const first = toks[d0]!;
    if (v.inDate[d0] || v.inDate[d0 + 1]) continue;
    // "Konfrontasi, Indonesia's armed opposition to …": a possessive works as the article.
    const possessive = first.pos === "PROPN" && (toks[d0 + 1]?.text === "'s" || toks[d0 + 1]?.text === "’s");
    const article = (first.pos === "DET" && ["a", "an", "the"].includes(first.lower)) || possessive;
    let k = possessive ? d0 + 2 : article ? d0 + 1 : d0;
    // (Adjectives, participles and hyphenated compounds: "the German-speaking border districts".)
    // (And a name used as a modifier: "the first armed UN peacekeeping force".)
    while (k < toks.length && (toks[k]!.pos === "ADJ" || toks[k]!.pos === "NUM" || /^(?:first|second|third|last)$/.test(toks[k]!.lower) || (toks[k]!.pos === "VERB" && /(?:ed|en|ing)$/.test(toks[k]!.lower)) || (toks[k]!.pos === "PROPN" && article && k > d0 && ["NOUN", "ADJ"].includes(toks[k + 1]?.pos ?? "")) || toks[k]!.text === "-" || toks[k + 1]?.text === "-")) k++;
    const noun = toks[k];
    if (!noun || noun.pos !== "NOUN") continue;
    // No article: only "chinampas, raised fields built …", "Loyalists, colonists who …".
    if (!article && !(k > d0 || ["who", "that", "which", "of"].includes(toks[k + 1]?.lower ?? ""))) continue;
    // ", including 200,000 members …" opens a participle clause, not a definition.
    if (!article && first.pos === "VERB" && /ing$/.test(first.lower)) continue;
    if (v.rules.notDefinitionHeads.has(noun.lower) || v.rules.notDefinitionHeads.has(`${toks[k - 1]?.lower} ${noun.lower}`)) continue;
    // ("the founding leader of Bangladesh": a compound's head is its last noun.)
    if (toks[k + 1]?.pos === "NOUN" && v.rules.notDefinitionHeads.has(toks[k + 1]!.lower)) continue;
    // "…, three years to the day after …": a span of time, not a definition.
    if ((first.pos === "NUM" || /^(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)$/.test(first.lower)) && /^(?:year|month|week|day|decade|centur|hour|minute)/.test(noun.lower)) continue;
    // The term: a name or a noun phrase ending right before the comma.
    // ("the United Nations Emergency Force (UNEF), the first armed …": the name before its bracketed acronym.)
    const open = toks[i - 1]?.text === ")" ? toks.findLastIndex((t, q) => q < i - 1 && t.text === "(") : -1;
    const at = open > 0 && i - 1 - open <= 3 ? open : i;
    const np = nameEndingAt(v, at - 1) ?? (at === i ? nounPhraseEndingAt(v, i - 1, 0) : undefined);
    if (!np) continue;
    const t0 = np.t0;
    if (v.inDate.slice(t0, at).some(Boolean) || toks.slice(t0, at).some((t) => t.pos === "PRON")) continue;
    // "one fact, many ways …": a counted phrase is no term.
    // ("the Hundred Days, the period of …" is a name.)
    if (/^\p{Ll}|^\d/u.test(toks[t0]!.text) && (toks[t0]!.pos === "NUM" || ["one", "many", "some", "each", "every", "several", "few", "all", "most"].includes(toks[t0]!.lower))) continue;
    // "When the allied armies entered Paris, the long wars …": the first comma closes an opening clause.
    if (["SCONJ", "ADV"].includes(toks[0]!.pos) && !toks.slice(1, i).some((t) => t.text === ",")) continue;
    // "In theory, …": an opening phrase, not a term.
    const lead = toks[t0 - 1]?.pos === "DET" ? t0 - 2 : t0 - 1;
    if (lead === 0 && toks[0]!.pos === "ADP") continue;
    // Quantities and vague phrases are not terms.
    if (/^(?:a |the )?(?:number|lot|part|kind|sort|most|some|many|few|rest|more|less|fewer)\b/i.test(textOf(v, t0, i))) continue;
    // A list "France, the Netherlands and Spain" is not an apposition.
    let e = k + 1;
    while (e < toks.length) {
      const t = toks[e]!;
      if ([";", ")", ":", "—", "–"].includes(t.text)) break;
      // ", and a number of …" starts another item of a list; ", and reform" ends a series inside the definition.
      const listItem = toks[e + 1]?.lower === "and" && (toks[e + 2]?.pos === "DET" || ["ADP", "VERB", "AUX"].includes(toks[e + 2]?.pos ?? ""));
      if (t.text === "," && (toks[e + 1]?.pos === "VERB" || toks[e + 1]?.pos === "AUX" || ["which", "who", "but", "while"].includes(toks[e + 1]?.lower ?? "") || listItem)) break;
      if (t.text === "," && toks[e + 1]?.lower === "and" && toks[e + 2]?.pos === "PROPN") break;
      e++;
    }
    // "in demotic, the everyday script of the period, and in ancient Greek", "…, and resumed on 23 April":
    // the sentence goes on after the apposition.
    const resumes = toks[e]?.text === "," && ["and", "or"].includes(toks[e + 1]?.lower ?? "") && ["ADP", "VERB", "AUX"].includes(toks[e + 2]?.pos ?? "");
    // "…, a factory for aircraft production, and a number of …": a list, not a definition.
    if (toks[e]?.text === "," && toks[e + 1]?.lower === "and" && !resumes) continue;
    // A definition is a noun phrase: "Paris, the long wars against Napoleon seemed to be over" is a clause.
    let clause = false;
    for (let q = k + 1; q < e; q++) {
      const t = toks[q]!;
      if (["who", "that", "which", "whose", "whom", "where", "when"].includes(t.lower)) break;
      // (An infinitive belongs to the phrase: "a policy of making concessions … to avoid war".)
      if ((t.pos === "AUX" && t.lemma !== "be") || (t.pos === "VERB" && !/(?:ed|en|ing|wn|t)$/.test(t.lower) && toks[q - 1]?.lower !== "to")) clause = true;
    }
    if (clause) continue;
    const def = trimDef(textOf(v, d0, e));
    // "constitutions, elected parliaments + a free press": in notes "+" joins a list.
    if (/\s\+\s/.test(def)) continue;
    // "more ports, fixed low tariffs, extraterritoriality": without an article, items of a list.
    if (!article && def.includes(",") && def.split(/,\s*/).every((x) => x.split(" ").length <= 3)) continue;
    if (def.split(" ").length < 3 || /^\p{Lu}/u.test(def.replace(/^(?:the|a|an)\s+/i, "")) && !article) continue;
    let term = textOf(v, t0, at);
    term = stripArticle(term);
    // "the period of détente", "the high point of appeasement": the term is what follows "of".
    const contained = /^(.+?)\s+of\s+(.+)$/.exec(term);
    if (contained && v.rules.containerNouns.has(contained[1]!.toLowerCase())) term = stripArticle(contained[2]!);
    const det = v.tokens[t0 - 1];
    if (!term || v.rules.notTerms.has(term.toLowerCase()) || /^\d/.test(term) || (det && det.pos === "DET" && !["the"].includes(det.lower))) continue;
    const named = "text" in np && v.names.includes(np as never);
    const proper = /^\p{Lu}/u.test(term) && !/^\p{Lu}{2,}$/u.test(term);
    out.push({ term, definition: def, prompt: whatQuestion(term, false, proper && (det?.lower === "the" || /\s/.test(term))), rule: "apposition", confidence: named && !v.names.find((n) => n === np)?.head ? 0.65 : 0.75 });
  }
  return out;
}

/** "the Schlieffen Plan – a German strategy to avoid a war on two fronts – failed": an apposition between dashes. */
function dashAppositions(s: string): Term[] {
  const out: Term[] = [];
  for (const m of s.matchAll(/((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}'’-]*){0,5})\s+[–—]\s+((?:a|an|the)\s+[^–—]{5,160}?)\s+[–—]\s/gu)) {
    const term = stripArticle(m[1]!.trim());
    out.push({ term, definition: trimDef(m[2]!), prompt: `What was ${/\s/.test(term) ? `the ${term}` : term}?`, rule: "dash-apposition", confidence: 0.75 });
  }
  return out;
}

/** "Decolonisation is the process by which …", "A shogunate is a military government …", "peninsulares were officials born in Spain". */
function copulas(sentence: string, v: SentenceView): Term[] {
  // "The Kellogg–Briand Pact, officially the General Treaty …, is an international agreement", "An entente
  // (French for "understanding") was …": an apposition or a bracket between the term and its copula is set aside.
  const s = sentence
    .replace(new RegExp(`^((?:(?:The|A|An)\\s+)?${NP}),\\s+(?:officially|formally|also|or|often|sometimes|the|a|an)\\s[^,;]{2,120},\\s+(?=(?:is|was|are|were)\\s)`, "u"), "$1 ")
    .replace(new RegExp(`^((?:(?:The|A|An)\\s+)?${NP})\\s+\\([^()]{2,80}\\)\\s+(?=(?:is|was|are|were)\\s)`, "u"), "$1 ");
  const m = new RegExp(`^(?:(The|A|An)\\s+)?(${NP})\\s+(is|was|are|were)\\s+((?:(?:a|an|the)\\s+(?!first|last|only|second|third|largest|biggest|most|best|worst|same|one|scene|site|home|capital|son|daughter)|(?=\\p{Ll}+s\\b))[^;]{5,220}?)\\s*(?:;|\\.\\s*$|$)`, "u").exec(s);
  if (!m) return [];
  const det = m[1];
  const term = (m[2] ?? "").trim();
  const verb = m[3] ?? "was";
  // "…, although few of its members were …": a concession after the definition is not part of it.
  const def = trimDef((m[4] ?? "").replace(/,\s+(?:although|though|but|whereas|while)\s[^]*$/, ""));
  if (v.rules.notTerms.has(term.toLowerCase()) || /^(?:it|this|that|he|she|they|there|these|those|which)$/i.test(term)) return [];
  // "The treaty was a response to …": "the treaty" refers back to a named one; it is no term.
  if (det === "The" && v.rules.heads.has(term.toLowerCase())) return [];
  // "The hard core of the agreement was …": a description, not a term.
  if (/\sthe\s/i.test(` ${term} `.slice(1)) || /^(?:number|part|rest|core|aim|purpose|result|effect|cause|idea|point|problem|question|reason)\b/i.test(term)) return [];
  const defHead = /^(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}]+)\b/u.exec(def)?.[1] ?? "";
  if (v.rules.notDefinitionHeads.has(defHead)) return [];
  const noArticle = !/^(?:a|an|the)\s/i.test(def);
  // "Carbonari were members of secret societies": a plural noun with its complement defines too.
  if (noArticle && /^\p{Lu}/u.test(term) && !/^\p{Ll}+s\s+(?:of|who|that)\b/u.test(def)) return [];
  const dated = v.dates.length > 0;
  const confidence = noArticle ? 0.6 : dated ? 0.65 : 0.75;
  const present = verb === "is" || verb === "are";
  // "Decolonisation is …": a common noun capitalised only because it opens the sentence.
  const opener = v.tokens.find((t) => t.text === term.split(" ")[0]);
  const shown = !det && opener?.pos === "NOUN" && /^\p{Lu}\p{Ll}+$/u.test(term) ? term.toLowerCase() : term;
  return [{ term: shown, definition: def, prompt: whatQuestion(shown, present, det === "The"), rule: "copula", confidence }];
}

function knownAs(s: string): Term[] {
  const out: Term[] = [];
  for (const m of s.matchAll(/((?:the\s+)?\p{Lu}[\p{L}'’–-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}'’–-]*){0,6}|(?<=\bThe\s)\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*){0,2})\s*(?:\([^)]{1,30}\))?\s*,?\s*(?:\(\s*)?(?:also\s+|commonly\s+|popularly\s+|often\s+|later\s+|sometimes\s+|better\s+)?(?:known|referred to)(?:\s+to\s+[\p{L}]+)?\s+as\s+(?:the\s+)?["“]?((?:\p{Lu}|\p{Ll})[\p{L}'’-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}'’-]*){0,6})/gu)) {
    const term = stripArticle((m[1] ?? "").trim());
    const def = (m[2] ?? "").trim();
    if (!term || !def || term === def) continue;
    // "A, B and C, known collectively as the Straits", "the demilitarised zone, known as the Rhineland": the name given is the term.
    if (/collectively|together|jointly/.test(m[0]) || /^\p{Ll}/u.test(term)) {
      out.push({ term: def, definition: term, prompt: `What was known as the ${def}?`, rule: "known-as", confidence: 0.75 });
      continue;
    }
    out.push({ term, definition: def, prompt: `What was ${/\s/.test(term) ? `the ${term}` : term} also known as?`, rule: "known-as", confidence: 0.75 });
  }
  // "autonomy, meaning a limited form of self-government"
  for (const m of s.matchAll(/(?<![\p{L}])(\p{L}[\p{L}-]{2,30}),\s+meaning\s+((?:a|an|the)\s+[^.;,()]{3,100})/gu)) {
    if (!/^(?:this|that|it|which)$/i.test(m[1]!)) out.push({ term: m[1]!, definition: m[2]!.trim(), prompt: `What does "${m[1]}" mean?`, rule: "gloss", confidence: 0.75 });
  }
  // "Lebensraum ('living space')", "Blitzkrieg ("lightning war")": a quoted gloss.
  for (const m of s.matchAll(/(?<![\p{L}])(\p{L}[\p{L}-]{2,30})\s*\(\s*["'‘“]([^)"'’”]{2,60})["'’”]\s*\)/gu)) {
    // ("Perry's US squadron ("black ships")": after a named thing's common noun, a quoted phrase is its nickname.)
    if (/^\p{Ll}/u.test(m[1]!) && /(?:\p{Lu}[\p{L}.]*|['’]s)\s+$/u.test(s.slice(Math.max(0, (m.index ?? 0) - 20), m.index))) continue;
    out.push({ term: m[1]!, definition: m[2]!, prompt: `What does "${m[1]}" mean?`, rule: "gloss", confidence: 0.8 });
  }
  // "X is defined as …", "X was the name given to …", "X is a term for …"
  // (Also inside a clause: "…, where crimes against peace were defined as the planning …")
  const defined = /(?:^|[,;]\s+(?:where|when|and|in which)\s+)(?:The\s+)?([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,3})\s+(is|was|are|were)\s+(?:defined as|the name (?:given|used) (?:to|for)|a term (?:used )?for|the term for)\s+([^;]{5,200}?)\.?$/u.exec(s);
  if (defined) out.push({ term: defined[1]!, definition: trimDef(defined[3]!), prompt: `What ${defined[2] === "are" || defined[2] === "were" ? "were" : "was"} ${defined[1]}?`, rule: "defined-as", confidence: 0.8 });
  // "The term legitimism refers to the belief that …", "Realpolitik means politics based on …"
  const refers = /^(?:The\s+(?:term|word|name)\s+)?["“]?([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,3})["”]?\s+(?:refers to|means|meant|denotes|describes|describe[sd]?)\s+((?:a|an|the)?\s*[^;]{5,200}?)\.?$/u.exec(s);
  if (refers && !/^(?:this|that|it|he|she|they|which)$/i.test(refers[1]!) && (s.startsWith("The term") || s.startsWith("The word") || !/\s/.test(refers[1]!))) {
    out.push({ term: refers[1]!, definition: trimDef(refers[2]!), prompt: `What does "${refers[1]}" mean?`, rule: "refers-to", confidence: 0.8 });
  }
  // "The principle that each state has exclusive authority … is known as Westphalian sovereignty."
  const named = /^(?:The|A|An)\s+(\p{Ll}[^,;]{5,160}?)\s+(?:is|was|are|were|became)\s+(?:also\s+|commonly\s+|often\s+)?(?:known|called|referred to)\s+as\s+(?:the\s+)?["“]?([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,4})["”]?\.?$/u.exec(s);
  if (named) out.push({ term: named[2]!, definition: `the ${named[1]!}`, prompt: `What is ${named[2]}?`, rule: "known-as", confidence: 0.75 });
  // "NATO stands for the North Atlantic Treaty Organization", "The Marshall Plan, officially the European Recovery Program, …"
  const stands = /^(?:The\s+(?:abbreviation|acronym|initials)\s+)?["“]?(\p{Lu}[\p{Lu}.&-]{1,9})["”]?\s+(?:stands|stood)\s+for\s+(?:the\s+)?([\p{Lu}][^;.]{3,80}?)\.?$/u.exec(s);
  if (stands) out.push({ term: stands[1]!, definition: stands[2]!, prompt: `What does ${stands[1]} stand for?`, rule: "stands-for", confidence: 0.9 });
  for (const m of s.matchAll(/((?:the\s+)?\p{Lu}[\p{L}'’–-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}'’–-]*){0,5}),\s+(?:officially|formally)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?\p{Lu}[\p{L}'’-]*){1,8}),/gu)) {
    const term = stripArticle(m[1]!.trim());
    out.push({ term, definition: m[2]!, prompt: `What was the official name of ${/\s/.test(term) ? `the ${term}` : term}?`, rule: "officially", confidence: 0.8 });
  }
  // "glasnost, meaning openness, …" (unquoted)
  for (const m of s.matchAll(/(?<![\p{L}])(\p{Ll}[\p{L}-]{3,30}),\s+(?:meaning|literally)\s+(?:["“])?([\p{Ll}][\p{L}' -]{2,40}?)(?:["”])?,/gu)) {
    out.push({ term: m[1]!, definition: m[2]!, prompt: `What does "${m[1]}" mean?`, rule: "meaning", confidence: 0.75 });
  }
  // "Weltpolitik, meaning "world policy"", "tlatoani, meaning "he who speaks""
  for (const m of s.matchAll(/(?<![\p{L}])(\p{L}[\p{L}'’-]{2,30}),?\s+(?:meaning|literally|which means)\s+["“]([^"”]{2,60})["”]/gu)) {
    // "the title of the Mexica ruler, meaning …": the word must not end a longer phrase.
    const before = s.slice(0, m.index ?? 0);
    if (/\b(?:the|a|an|of|its|his|their)\s+(?:\S+\s+){0,2}$/i.test(before)) continue;
    out.push({ term: m[1] ?? "", definition: m[2] ?? "", prompt: `What does "${m[1]}" mean?`, rule: "meaning", confidence: 0.8 });
  }
  for (const m of s.matchAll(/((?:The\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s*,?\s*\(?\s*(?:is\s+|was\s+|being\s+)?short\s+for\s+(?:the\s+)?["“]?([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,6})/gu)) {
    const term = stripArticle(m[1] ?? "");
    if (!term) continue;
    out.push({ term, definition: trimDef(m[2] ?? ""), prompt: `What is "${term}" short for?`, rule: "short-for", confidence: 0.85 });
  }
  return out;
}

/** A glossary line: "Magna Carta – a charter of rights …", "**Appeasement**: giving in to …". */
function glossaryLine(s: string, v: SentenceView): Term[] {
  const rules = v.rules;
  const m = /^(?:\*\*)?([\p{L}][\p{L}'’ -]{1,50}?)(?:\*\*)?(?:\s*\([^)]{1,40}\))?\s*(?:–|—|:|=|\s-\s)\s*["“]?((?:a|an|the)\s+[^]{4,240}|\p{Ll}[^]{4,240}|\p{Lu}[\p{L}]+(?:\s+(?:of|and|for|the|on|in)?\s*\p{Lu}[\p{L}-]*)+)$/u.exec(s);
  if (!m) return [];
  const term = stripArticle((m[1] ?? "").trim());
  // (An all-capitals line is a title: "THE MEXICA: PEOPLE OF THE LAKE".)
  if (/\s[–—]\s/.test(m[2] ?? "") || !/\p{Ll}/u.test(s)) return [];
  if (term.split(/\s+/).length > 5 || rules.notTerms.has(term.toLowerCase()) || /^\p{Lu}+(?:\s\p{Lu}+)+$/u.test(term)) return [];
  // A term is a noun phrase: "Jump to: navigation" is wiki debris, "Signed: …" a field.
  // ("On this day: anniversaries …" opens with a preposition: a heading, not a term.)
  if (/\b(?:to|from|by|with|in|on|at|is|was|are|were|has|had)$/i.test(term) || /^(?:signed|dated|held|located|born|died)$/i.test(term) || /^(?:on|in|at|for|from|by|with|to|during|after|before)\s/i.test(term)) return [];
  const words = new Set(term.split(/\s+/));
  if (v.tokens.some((t) => words.has(t.text) && (t.pos === "VERB" || t.pos === "AUX") && t.start < v.start + s.indexOf(term) + term.length + 5)) return [];
  const def = trimDef((m[2] ?? "").split(/(?<=\.)(?<!\b(?:e\.g|i\.e|cf|c|ca|vs|St|Dr|Mr|Mrs|Gen|Pres)\.)\s|;\s/)[0] ?? "").replace(/["”]$/, "");
  // "Japan: from the "black ships" to great-power status": a heading's subtitle, not a definition.
  if (/^(?:from|to|in|on|at|by|with|for|of|into|under|over|between)\s/i.test(def)) return [];
  // "Reign of Terror (1793–94) – led by Robespierre": what someone did is no definition.
  if (/^\p{Ll}+(?:ed|en)\s+by\b/u.test(def)) return [];
  // "Treaty of Saint-Germain (1919): the Allies + Austria": after an agreement's name, a list of names is
  // its parties, not a definition ("ECSC = European Coal and Steel Community" is one).
  const items = def.split(/\s*(?:,|;|\band\b|&|\+)\s*/).filter(Boolean);
  const agreement = term.split(/\s+/).some((w) => rules.heads.get(w.toLowerCase())?.class === "agreement");
  if (agreement && items.length >= 2 && items.every((x) => /^(?:the\s+)?\p{Lu}/u.test(x) && x.split(" ").length <= 5)) return [];
  return [{ term, definition: def, prompt: whatQuestion(term, false, false), rule: "glossary-line", confidence: 0.8 }];
}

/** `raw` is the sentence as written: "known as "splendid isolation"" keeps its quoted term, which the clean text blanks. */
export function termCandidates(v: SentenceView, line: boolean, raw: string): Candidate[] {
  const s = v.clean.slice(v.start, v.end).replace(/\s+/g, " ").trim();
  // Copulas open a sentence or a clause after ";" ("It created two dominions; a dominion was a self-governing state …").
  const clauses = s.split(/;\s+/).map((c, i) => (i === 0 ? c : c.replace(/^\p{Ll}/u, (x) => x.toUpperCase())));
  // The costlier patterns run only where their marker words or brackets occur.
  const bracket = s.includes("(");
  const named = /known|referred|refers|short for|meaning|literally|means|meant|denotes|describes|defined as|name given|name used|term for|stands for|stood for|officially|formally|\(\s*["'‘“]/.test(raw);
  const found = [
    ...(bracket ? acronyms(s) : []),
    ...(named ? knownAs(raw.replace(/(\*{1,2}|_{1,2})(\S[^*_]*?)\1/g, "$2").replace(/\s+/g, " ")).filter((t) => !v.rules.qualifiers.find(`${t.term} ${t.definition}`)) : []),
    ...(line ? glossaryLine(s, v) : []),
    ...(/\s[–—]\s/.test(s) && !line ? dashAppositions(s) : []),
    ...(s.includes(",") ? appositions(v) : []),
    ...(bracket ? glosses(s, v) : []),
    ...(/\b(?:is|was|are|were)\b/.test(s) ? clauses.flatMap((c) => copulas(c, v)) : []),
  ];
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const t of found) {
    // A second name ("officially …", "also known as …") is a fact apart from what the thing is.
    const key = `${t.term.toLowerCase()}${t.rule === "officially" || t.rule === "known-as" ? "#name" : ""}`;
    if (seen.has(key) || !t.definition || t.definition.toLowerCase() === t.term.toLowerCase() || v.rules.notTerms.has(t.term.toLowerCase())) continue;
    seen.add(key);
    out.push({ kind: "term", subject: t.term, prompt: t.prompt, answer: t.definition, term: t.term, definition: t.definition, quote: { start: v.start, end: v.end }, confidence: t.confidence, rule: t.rule, ...(key.endsWith("#name") ? { facet: "name" } : {}) });
  }
  return out;
}

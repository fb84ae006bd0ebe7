import type { Candidate, SentenceContext } from "./candidate";
import { collapse } from "./clean";
import { displayName } from "./entities";
import { nameAt, nameBefore } from "./parties";

/**
 * Defined terms:
 *  - "Union of Soviet Socialist Republics (USSR)" → What does USSR stand for?
 *  - "The Soviet Union, short for the Union of Soviet Socialist Republics" → full name
 *  - "well-to-do farmers (kulaks)" / "kulaks (well-to-do farmers)" → What were the kulaks?
 *  - "a wealthy peasant class, known as kulaks" → What were the kulaks?
 */

const STOP = new Set(
  "the a an and or but of to in on for with by from towards toward against as at into onto their its his her these those this that them it they he she we you i see sic cf e.g i.e also which who whom".split(
    " ",
  ),
);

const isPlural = (t: string): boolean => /[^s]s$/i.test(t) && !/\s/.test(t);
const termPrompt = (t: string): string => (isPlural(t) ? `What were the ${t}?` : `What does the term ${t} mean?`);

/** Lower-case noun phrase ending at `end`: "... and well-to-do farmers" → "well-to-do farmers". */
function nounPhraseBefore(text: string, end: number, floor: number): string | null {
  const toks = text.slice(Math.max(floor, end - 120), end).trimEnd().split(/\s+/).filter(Boolean);
  const got: string[] = [];
  for (let i = toks.length - 1; i >= 0 && got.length < 4; i--) {
    const t = toks[i] ?? "";
    // Stop at function words and at past-tense verbs ("promoted glasnost").
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(t) || STOP.has(t) || /^[^-]+ed$/.test(t)) break;
    got.unshift(t);
  }
  return got.length > 0 ? got.join(" ") : null;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

export function termCandidates(ctx: SentenceContext): Candidate[] {
  const { clean, sentence, rules } = ctx;
  const s0 = sentence.start;
  const slice = clean.slice(s0, sentence.end);
  const out: Candidate[] = [];
  const push = (term: string, definition: string, prompt: string) => {
    const t = collapse(term);
    const d = collapse(definition);
    if (t && d && t.toLowerCase() !== d.toLowerCase()) {
      out.push({ kind: "term", subject: t, prompt, answer: d, term: t, definition: d, quote: sentence });
    }
  };

  // Acronyms in brackets after the full name.
  for (const m of slice.matchAll(/\(\s*((?:\p{Lu}\.?){2,8})\s*\)/gu)) {
    const abbr = m[1] ?? "";
    const n = nameBefore(clean, s0 + (m.index ?? 0), s0);
    if (!n) continue;
    const letters = abbr.replace(/\./g, "");
    const caps = initials(n.name);
    // Initials match, or the same number of words (a translated name: DDR).
    if (caps === letters || caps.length === letters.length) push(abbr, n.name, `What does ${abbr} stand for?`);
  }

  // "X, short for the Y"
  for (const m of slice.matchAll(/,\s*short\s+for\s+/giu)) {
    const at = s0 + (m.index ?? 0);
    const x = nameBefore(clean, at, s0);
    const y = nameAt(clean, at + m[0].length, sentence.end);
    if (!x || !y) continue;
    const hit = rules.gazetteer.lookup(x.name);
    const xName = hit ? displayName(hit.entity) : x.hadThe ? `the ${x.name}` : x.name;
    push(x.name, y.name, `What is the full name of ${xName}?`);
  }

  // Lower-case glosses in brackets.
  for (const m of slice.matchAll(/\(\s*(\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,5})\s*\)/gu)) {
    const inner = collapse(m[1] ?? "");
    const innerWords = inner.split(" ");
    if (STOP.has(innerWords[0] ?? "") || STOP.has(innerWords[innerWords.length - 1] ?? "")) continue;
    const np = nounPhraseBefore(clean, s0 + (m.index ?? 0), s0);
    if (!np) continue;
    const npWords = np.split(" ").length;
    if (innerWords.length <= 2 && npWords > innerWords.length) push(inner, np, termPrompt(inner));
    else if (npWords === 1 && innerWords.length >= 2) push(np, inner, termPrompt(np));
  }

  // "..., known as X"
  for (const m of slice.matchAll(/,?\s+(?:also\s+|commonly\s+|better\s+)?known\s+as\s+(?:the\s+)?/giu)) {
    const at = s0 + (m.index ?? 0);
    const after = at + m[0].length;
    const named = nameAt(clean, after, sentence.end);
    const plain = /\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,2}(?=\s*(?:[,.;)]|$))/uy;
    plain.lastIndex = after;
    const word = named?.name ?? plain.exec(clean)?.[0];
    if (!word) continue;
    const bigName = nameBefore(clean, at, s0);
    if (named && bigName) {
      push(bigName.name, word, `By what other name is ${bigName.hadThe ? "the " : ""}${bigName.name} known?`);
      continue;
    }
    const np = nounPhraseBefore(clean, at, s0);
    if (np) push(word, np, termPrompt(word));
  }
  return out;
}

import { GENERIC_HEADS } from "./discourse";
import type { HeadWord, RuleSet } from "./rules";
import type { Token } from "./nlp";

/**
 * Proper names in a run of tokens: capitalised words (and acronyms) joined by
 * the small words names contain ("of", "of the", "for", "de", "von") and by
 * hyphens or apostrophes written without spaces ("Austria-Hungary", "Hundred
 * Years' War"). A name with an event head word ("Treaty", "Battle", "Crash")
 * is an event name; its head decides the default question and which anaphors
 * ("the treaty") can refer back to it.
 */

export interface Name {
  /** Token range [t0, t1) in the sentence's tokens. */
  t0: number;
  t1: number;
  start: number;
  end: number;
  /** The name as written in the clean text, spaces collapsed. */
  text: string;
  head?: HeadWord & { word: string };
  /** The text writes "the" before it. */
  article: boolean;
}

const JOINERS = new Set(["of", "for", "de", "von", "van", "der", "la", "du", "del", "da", "y", "on", "regarding", "concerning"]);
const CLOSED = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "SYM", "SPACE", "ADV", "NUM"]);
const OPENERS = new Set([":", "–", "—", "-", "|", "→", ";", "•"]);
const PARTICLES = new Set(["de", "von", "van", "al", "el", "di", "da", "du", "le", "la"]);
/** Particles inside a name: "Salah ad-Din Yusuf ibn Ayyub", "Vasco da Gama", "Osama bin Laden". */
const INNER_PARTICLES = new Set([...PARTICLES, "ad", "ud", "ul", "ibn", "bin", "bint", "ben", "der", "den", "del", "della", "dos", "das"]);
const ORDINALS = new Set(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "final"]);
/** Capitalised function words at the start of a sentence are not names. */
const STOP = new Set(["in", "on", "at", "after", "before", "during", "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "by", "from", "with", "when", "while", "although", "as", "since", "until", "following", "under", "between", "there", "then", "however", "meanwhile", "later", "also", "both", "each", "all", "some", "many", "most", "his", "her", "their", "our", "q", "a:"]);

const capitalised = (t: Token): boolean => /^[\p{Lu}]/u.test(t.text) || /^\p{Lu}[\p{Lu}.]+$/u.test(t.text);
const glued = (a: Token, b: Token): boolean => a.end === b.start;

function isNameWord(t: Token, dateToken: (i: number) => boolean, i: number, sentenceStart: number, tokens?: readonly Token[], rules?: RuleSet): boolean {
  if (dateToken(i) || !capitalised(t) || STOP.has(t.lower)) return false;
  // A common noun capitalised only because it opens the sentence or line: "Construction of the Berlin Wall".
  const opens = i === sentenceStart || (tokens && OPENERS.has(tokens[i - 1]?.text ?? "")) || (tokens && dateToken(i - 1));
  // ("President Gamal Abdel Nasser", "King John": an office before a name is part of it.)
  if (opens && t.pos === "NOUN" && rules && !rules.heads.has(t.lower) && !(rules.offices.has(t.lower) && tokens?.[i + 1]?.pos === "PROPN")) return false;
  if (/^[IVX]+$/.test(t.text) && i > sentenceStart) return true; // "World War II"
  // "Thirty Years' War", "Twenty-first Amendment": number words written out belong to names.
  if (CLOSED.has(t.pos) && !(t.pos === "NUM" && /^\p{L}/u.test(t.text))) return false;
  // A capitalised verb opens a sentence ("Signed in 1920, ..."); elsewhere it is a mis-tagged name ("Crash").
  // ("Storming of the Bastille – 14 July 1789": an event head opening a line is a name, not a verb.)
  return t.pos !== "VERB" || i > sentenceStart || (!!rules?.heads.has(t.lower) && tokens?.[i + 1]?.lower === "of");
}

/** Names in tokens[from, to). `dateToken(i)` marks tokens inside date expressions. */
export function findNames(tokens: readonly Token[], from: number, to: number, clean: string, rules: RuleSet, dateToken: (i: number) => boolean): Name[] {
  const out: Name[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i];
    // "de Gaulle", "von Moltke", "al-Husseini": a particle opens the name when a capitalised word follows.
    const particle = !!t && PARTICLES.has(t.lower) && !!tokens[i + 1] && capitalised(tokens[i + 1]!) && i + 1 < to && !STOP.has(tokens[i + 1]!.lower);
    if (!t || (!particle && !isNameWord(t, dateToken, i, from, tokens, rules))) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const n = tokens[j];
      if (!n || j >= to) break;
      const prev = tokens[j - 1]!;
      // Glued pieces: "Austria-Hungary", "Years'", "Brest-Litovsk", "U.S."
      if (glued(prev, n) && (n.text === "-" || n.text === "–" || n.text === "'" || n.text === "’" || n.text === "'s" || n.text === "’s")) {
        const after = tokens[j + 1];
        if ((n.text === "-" || n.text === "–") && after && glued(n, after) && /^[\p{L}\d]/u.test(after.text) && !dateToken(j + 1)) {
          j += 2;
          continue;
        }
        if (n.text !== "-" && n.text !== "–") {
          j++;
          continue;
        }
        break;
      }
      if (INNER_PARTICLES.has(n.text) && capitalised(prev) && prev.pos === "PROPN") {
        const a = tokens[j + 1];
        const b = tokens[j + 2];
        // ("ad-Din": the particle glued to the next word by a hyphen.)
        if (a && b && a.text === "-" && glued(n, a) && glued(a, b) && capitalised(b) && j + 2 < to) {
          j += 3;
          continue;
        }
        if (a && capitalised(a) && a.pos === "PROPN" && j + 1 < to) {
          j += 2;
          continue;
        }
      }
      // "Sputnik 1", "Apollo 11": a small number right after a name word.
      if (n.pos === "NUM" && /^\d{1,2}$/.test(n.text) && !dateToken(j) && isNameWord(prev, dateToken, j - 1, from)) {
        j++;
        continue;
      }
      if (isNameWord(n, dateToken, j, from)) {
        j++;
        continue;
      }
      // "Convention Concerning the Exchange …": "the" after a capitalised joining word stays in the title.
      if (n.lower === "the" && JOINERS.has(prev.lower) && capitalised(prev) && tokens[j + 1] && isNameWord(tokens[j + 1]!, dateToken, j + 1, from)) {
        j += 2;
        continue;
      }
      // Formal titles: "Convention Concerning the Exchange of Greek and Turkish Populations".
      const hasHead = () => !!headOf(tokens, i, j, rules);
      if (capitalised(n) && (n.pos === "ADP" || n.pos === "SCONJ" || n.pos === "VERB") && !STOP.has(n.lower) && hasHead()) {
        j++;
        // "Convention Concerning the Exchange …"
        if (tokens[j]?.lower === "the" && tokens[j + 1] && isNameWord(tokens[j + 1]!, dateToken, j + 1, from)) j++;
        continue;
      }
      if ((n.lower === "and" || n.text === "&") && hasHead() && tokens.slice(i, j).some((x) => JOINERS.has(x.lower))) {
        // "Treaty of Friendship and Alliance", "Treaty of Friendship & Peace", "… of Greek and Turkish Populations"
        const w = tokens[j + 1];
        const after = tokens[j + 2];
        if (w && j + 1 < to && isNameWord(w, dateToken, j + 1, from) && !(after && (after.pos === "VERB" || after.pos === "AUX"))) {
          j += 2;
          continue;
        }
      }
      // "Boundary and Friendship Treaty": two words joined before the head word.
      if ((n.lower === "and" || n.text === "&") && !hasHead()) {
        const w = tokens[j + 1];
        const h = tokens[j + 2];
        if (w && h && isNameWord(w, dateToken, j + 1, from) && rules.heads.has(h.lower) && capitalised(h)) {
          j += 2;
          continue;
        }
      }
      // "Treaty of Friendship, Co-operation and Mutual Assistance": a list of capitalised words after "Head of".
      if (n.text === "," && hasHead() && tokens.slice(i, j).some((x) => JOINERS.has(x.lower) && x.lower !== "on")) {
        let k = j + 1;
        let sawAnd = false;
        while (k < to && tokens[k] && (isNameWord(tokens[k]!, dateToken, k, from) || tokens[k]!.text === "," || tokens[k]!.lower === "and" || tokens[k]!.text === "-" || tokens[k]!.text === "&")) {
          if (tokens[k]!.lower === "and" || tokens[k]!.text === "&") sawAnd = true;
          k++;
        }
        while (k > j && !isNameWord(tokens[k - 1]!, dateToken, k - 1, from)) k--;
        if (sawAnd && k > j + 1 && tokens.slice(j, k).some((x) => x.lower === "and" || x.text === "&")) {
          j = k;
          continue;
        }
      }
      // "of" / "of the" / "for the" + capitalised word continues the name ("on" only after a head: "Conference on Security").
      if (JOINERS.has(n.lower) && !capitalised(n) && (n.lower !== "on" || hasHead())) {
        let k = j + 1;
        if (tokens[k]?.lower === "the" || ((tokens[k]?.lower === "an" || tokens[k]?.lower === "a") && n.lower === "of")) k++;
        const w = tokens[k];
        // "Yalta Conference of Roosevelt, Churchill and Stalin": people listed after "of" are not the name.
        const headNow = headOf(tokens, i, j, rules);
        // (An agreement's title lists subjects: "Treaty of Friendship, Collaboration and Mutual Assistance".)
        const listAfter =
          tokens[k + 1]?.text === "," && !!headNow && !["agreement", "law", "declaration"].includes(headNow.class) && capitalised(tokens[k + 2] ?? w!) && [",", "and"].includes(tokens[k + 3]?.lower ?? "");
        if (w && k < to && isNameWord(w, dateToken, k, from) && !listAfter) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    // Trim trailing glue.
    while (j > i + 1 && /^[-'’]$/.test(tokens[j - 1]!.text)) j--;
    const first = tokens[i]!;
    const last = tokens[j - 1]!;
    const text = clean.slice(first.start, last.end).replace(/\s+/g, " ").trim();
    let before = tokens[i - 1];
    let t0 = i;
    let start = first.start;
    let shown = text;
    // "the second Navy Law" is not "the first Navy Law": an ordinal belongs to the name.
    if (before && i - 1 >= from && ORDINALS.has(before.lower) && !dateToken(i - 1)) {
      t0 = i - 1;
      start = before.start;
      shown = `${before.text} ${text}`;
      before = tokens[i - 2];
    }
    // "the Queen Marie Antoinette" (once "the saintly Queen …" loses its qualifier): a title before a
    // person's name takes no article; "the King of France" and "the Emperor" keep theirs.
    const titled = rules.offices.has(first.lower) && j > i + 1 && tokens[i + 1]!.pos === "PROPN" && !rules.offices.has(tokens[j - 1]!.lower);
    const name: Name = { t0, t1: j, start, end: last.end, text: shown, article: before?.lower === "the" && !titled };
    const head = headOf(tokens, i, j, rules);
    if (head) name.head = head;
    // "War resumed in May 1803": a lone capitalised head word names no particular war.
    if (!(j - t0 === 1 && head && GENERIC_HEADS.has(first.lower) && ["VERB", "AUX"].includes(tokens[j]?.pos ?? ""))) out.push(name);
    i = j;
  }
  return out;
}

/** The head word: the last head word before the first "of", else the last in the name. */
function headOf(tokens: readonly Token[], t0: number, t1: number, rules: RuleSet): Name["head"] {
  let found: Name["head"];
  for (let k = t0; k < t1; k++) {
    const t = tokens[k]!;
    if (t.lower === "of" && found) return found;
    const h = rules.heads.get(t.lower);
    if (h) found = { ...h, word: t.lower };
  }
  return found;
}

/** The name with "the" where the text uses it, for prompts: "the Treaty of Lausanne", "ASEAN". */
export const withArticle = (n: { text: string; article: boolean }): string => (n.article ? `the ${n.text}` : n.text);

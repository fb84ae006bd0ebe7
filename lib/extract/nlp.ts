import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * The linguistic layer: wink-nlp with its English light model gives tokens,
 * part-of-speech tags (Universal Dependencies tag set) and lemmas. wink is
 * lossless (every character is kept as a token or as the spaces before one),
 * so offsets into the analysed text are recovered exactly, and we analyse the
 * clean text (same length as the original) once per document.
 */

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text. */
  lower: string;
  /** UD part-of-speech tag: NOUN, PROPN, VERB, AUX, ADP, DET, NUM, PUNCT, CCONJ, ADJ, ... */
  pos: string;
  /** Base form, lower case ("signed" → "sign", "became" → "become"). */
  lemma: string;
}

let engine: ReturnType<typeof winkNLP> | null = null;
const nlp = () => (engine ??= winkNLP(model));

/** Tokens of `text` with offsets into it. Whitespace-only stretches produce no token. */
export function tokenize(text: string): Token[] {
  const doc = nlp().readDoc(text);
  const its = nlp().its;
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  // wink's typings declare precedingSpaces and lemma with narrower signatures than tokens.out() accepts.
  const spaces = tokens.out(its.precedingSpaces as unknown as typeof its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    at += (spaces[i] ?? "").length;
    // wink keeps the text as written; should it ever differ, find the token again.
    if (text.slice(at, at + value.length) !== value) {
      const found = text.indexOf(value, at);
      if (found < 0) continue;
      at = found;
    }
    // "(10 Sept 1919): the Allies": wink reads "):" as an emoticon; here it is a bracket and a colon.
    if (/^[()[\]:;]{2,3}$/.test(value)) {
      for (let k = 0; k < value.length; k++) out.push({ start: at + k, end: at + k + 1, text: value[k]!, lower: value[k]!, pos: "PUNCT", lemma: value[k]! });
      at += value.length;
      continue;
    }
    const prev = out[out.length - 1];
    // wink splits some words at letters with diacritics ("Ch" + "ōshū"): glue them back.
    if (prev && prev.end === at && /^[\p{L}\p{M}]+$/u.test(value) && /[\p{L}\p{M}]$/u.test(prev.text) && /[^\x00-\x7f]/.test(prev.text.slice(-1) + value[0])) {
      prev.end = at + value.length;
      prev.text += value;
      prev.lower = prev.text.toLowerCase();
      prev.lemma = prev.lower;
    } else {
      // "VE Day", "US", "SEATO": a word in capitals is a name, whatever its lower-case twin is ("'ve", "us").
      const tag = /^\p{Lu}{2,}$/u.test(value) && ["AUX", "PRON", "DET", "VERB", "ADP", "CCONJ", "SCONJ", "PART", "X"].includes(pos[i] ?? "X") ? "PROPN" : (pos[i] ?? "X");
      out.push({ start: at, end: at + value.length, text: value, lower: value.toLowerCase(), pos: tag, lemma: (lemmas[i] ?? value).toLowerCase() });
    }
    at += value.length;
  }
  return out;
}

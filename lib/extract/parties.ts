import type { SentenceView } from "./view";
import { textOf } from "./view";

/**
 * Party lists: "between A and B", "by A, B and C", "A and B signed …",
 * "… with B". Parties are kept as written ("Austria-Hungary", "Soviet Russia",
 * "the Polish government-in-exile"): a name is
 * historical, and rewriting it to a later one ("Soviet Union" in 1918) would
 * state something false.
 */

const STOP_POS = new Set(["VERB", "AUX", "SCONJ", "PRON"]);
const STOP_WORDS = new Set(["in", "on", "at", "to", "for", "after", "before", "during", "which", "who", "that", "when", "while", "as", "under", "against", "into", "over", "through", "until", "since"]);

/**
 * One party, as written: "the Soviet Union" keeps its article (the answer reads "Germany and the
 * Soviet Union"), a sentence-initial "The" is lower-cased, and "both"/"all" are dropped.
 */
export function partyName(s: string): string {
  return s
    .replace(/^(?:both|all)\s+/i, "")
    .replace(/^The\s+/, "the ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A party is a name: it opens with a capital ("Allied powers", "Polish government-in-exile"), and is short. */
const looksLikeParty = (s: string): boolean => /^(?:\p{Ll}+\s)?\p{Lu}/u.test(s.replace(/^the\s+/, "")) && s.split(" ").length <= 7;

/** A list of parties from token `from`, and the token where it ends. */
export function partyList(v: SentenceView, start: number, to: number = v.tokens.length): { parties: string[]; end: number } {
  // "by parties including the UUP, the SDLP …", "by states such as …": the list follows the introduction.
  let from = start;
  const intro = v.tokens.slice(from, from + 4).findIndex((t, i) => t.lower === "including" || t.lower === "namely" || (t.lower === "such" && v.tokens[from + i + 1]?.lower === "as"));
  if (intro >= 1 && v.tokens.slice(from, from + intro).every((t) => t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "DET" || t.pos === "NUM")) from += intro + (v.tokens[from + intro]!.lower === "such" ? 2 : 1);
  const items: string[] = [];
  let cur = from;
  let k = from;
  let sawAnd = false;
  const push = (a: number, b: number) => {
    const s = partyName(textOf(v, a, b));
    if (s) items.push(s);
  };
  for (; k < to; k++) {
    const t = v.tokens[k]!;
    // "the Soviet Union (Stalin)": a parenthesis inside the list is left out.
    if (t.text === "(") {
      if (k > cur) push(cur, k);
      while (k < to && v.tokens[k]!.text !== ")") k++;
      cur = k + 1;
      continue;
    }
    // "Government-in-Exile", "the exiled Czechs"
    const inCompound = v.tokens[k - 1]?.text === "-" && v.tokens[k - 1]!.end === t.start && v.tokens[k + 1]?.text === "-";
    const participle = t.pos === "VERB" && /ed$/.test(t.lower) && v.tokens[k + 1]?.pos === "PROPN" && k === cur + (v.tokens[cur]?.lower === "the" ? 1 : 0);
    if (!inCompound && !participle) {
      if (v.inDate[k] || STOP_POS.has(t.pos) || STOP_WORDS.has(t.lower) || (t.pos === "PUNCT" && ![",", "-", "'", "’", ";", "&", "+"].includes(t.text))) break;
      if (t.pos === "ADP" && t.lower !== "of" && t.lower !== "-") break;
    }
    if (!/[\p{L}\p{N},;&+'’-]/u.test(t.text)) break; // "→", "/"
    // "A, B and C, confirmed …": the list ends with its "and" item, unless another list follows
    // ("between the Ankara government and Britain, France and Italy").
    if ((t.text === "," || t.text === ";") && sawAnd && !(t.text === "," && listFollows(v, k + 1, to))) break;
    // ("Allies + Austria": revision notes write "+" for "and".)
    if (t.text === "," || t.text === ";" || t.lower === "and" || t.text === "&" || t.text === "+") {
      if (t.lower === "and" || t.text === "&" || t.text === "+") sawAnd = true;
      if (k > cur) push(cur, k);
      cur = k + 1;
    }
  }
  if (k > cur) push(cur, k);
  // "the governments of France and Britain", "the two domains of Satsuma and Chōshū": the parties follow "of".
  const first = items[0];
  const of = first ? /^(?:\p{Ll}|Governments?\s)[^]*?\bof\s+(?:the\s+)?(\p{Lu}[^]*)$/u.exec(first.replace(/^the\s+(?=\p{Lu})/u, "")) : null;
  if (of?.[1]) items[0] = of[1];
  const parties = items.filter((x) => x.length > 0);
  return { parties: parties.every(looksLikeParty) ? parties : [], end: k };
}

/** Do names joined by commas and a final "and" start at token k ("Britain, France and Italy")? */
function listFollows(v: SentenceView, k: number, to: number): boolean {
  let q = k;
  let names = 0;
  while (q < to && q - k < 16) {
    const t = v.tokens[q]!;
    if (t.lower === "the") {
      q++;
      continue;
    }
    const n = v.names.find((m) => m.t0 === q);
    if (!n) return false;
    names++;
    q = n.t1;
    const sep = v.tokens[q];
    if (sep?.lower === "and" || sep?.text === "&") return names >= 1 && !!v.names.find((m) => m.t0 === q + 1 || (m.t0 === q + 2 && v.tokens[q + 1]?.lower === "the"));
    if (sep?.text !== ",") return false;
    q++;
  }
  return false;
}

/** Split an infobox or table value: "Turkey; British Empire; France", "Estonia, Soviet Russia". */
export function splitPartyValue(value: string): string[] {
  // "Japan, Allied Powers; the Soviet Union refuses to sign": the value ends where a clause starts.
  const segments = value.split(/\s*;\s*/);
  const clause = segments.findIndex((seg, i) => i > 0 && /\b(?!(?:of|the|and|de|for|in|on)\b)\p{Ll}[\p{L}-]*\s+(?!(?:of|the|and|de|for|in|on)\b)\p{Ll}/u.test(seg));
  const parts = (clause > 0 ? segments.slice(0, clause) : segments)
    .join(";")
    .split(/\s*(?:;|,|\band\b|&|\n)\s*/)
    .map((p) => partyName(p.replace(/\[[^\]]*\]|\([^)]*\)/g, "").trim()))
    .filter((p) => p.length > 0);
  return parts.every(looksLikeParty) ? [...new Set(parts)] : [];
}

/** "Germany and Austria-Hungary" for the answer. */
export function joinParties(parties: readonly string[]): string {
  if (parties.length <= 2) return parties.join(" and ");
  return `${parties.slice(0, -1).join(", ")} and ${parties[parties.length - 1]}`;
}

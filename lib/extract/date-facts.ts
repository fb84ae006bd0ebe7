import { GENERIC_HEADS, type Discourse, type Referent } from "./discourse";
import { withArticle, type Name } from "./names";
import type { Token } from "./nlp";
import { nameEndingAt, nameOpening, nounPhraseEndingAt, textOf, type SentenceView } from "./view";

/**
 * Dated facts in one sentence. Each date is attached by grammar, never by
 * mere co-occurrence:
 * - to an event name it qualifies ("the Treaty of Trianon of 4 June 1920",
 *   "at the Battle of Waterloo on 18 June 1815", "Treaty of Tartu (1920)");
 * - to an event noun's complement ("the death of Lenin in 1924");
 * - to the verb of its clause ("X was signed on …", "the war ended in 1453",
 *   "Germany joined the League of Nations on …", "In 1936 Germany and Japan
 *   signed the Anti-Comintern Pact"), whose subject may be an anaphor ("the
 *   treaty", "it") resolved by the discourse;
 * - in a chronology line or table row, to the event after the date.
 */

export interface Subject {
  text: string;
  article: boolean;
  /** An event name (with a head word) rather than an actor. */
  event: boolean;
  defaultVerb?: string;
  plural: boolean;
  /** How it was found: a name in the sentence, "the treaty", "it", a relative pronoun. */
  via: "name" | "definite" | "pronoun" | "title" | "description";
}

export interface DatedFact {
  subject: Subject;
  /** The question, e.g. "When was the Treaty of Lausanne signed?". */
  prompt: string;
  facet: string;
  rule: string;
  confidence: number;
  dateIndex: number;
  /** For a sign verb: the actors named as its subject ("Germany and Japan signed …"). */
  actors?: string[];
  /** The verb's participle or base, for the parties question. */
  verb?: string;
}

const BOUNDARY = new Set([";", ":", "—", "–", "|", "→"]);
const MODALS = new Set(["would", "could", "might", "may", "should", "will", "shall", "can", "must"]);
const NEG = new Set(["not", "never", "n't"]);
const PARTS_OF_DAY = new Set(["night", "morning", "evening", "afternoon", "dawn", "hours", "eve", "day"]);
const CLAUSE_OPENERS = new Set(["when", "while", "after", "before", "because", "although", "though", "if", "where", "whereas", "since", "until", "unless", "which", "who"]);
/** Verbs whose office follows them: "elected president", "crowned king". */
const ROLE_VERBS = new Set(["elect", "appoint", "crown", "name", "proclaim", "make", "declare", "inaugurate", "swear"]);
const WEAK_VERBS = new Set(["follow", "come", "occur", "happen", "ensue", "result", "appear"]);
const STATIVE = new Set(["still", "already", "largely", "mainly", "mostly", "generally", "widely", "usually", "often", "always", "increasingly"]);
const RELATIVE = new Set(["that", "which", "who", "whom"]);
const NOT_A_POINT = new Set(["by", "until", "till", "after", "before", "since", "within", "throughout", "than", "around"]);
const SUBJECT_PREPOSITIONS = new Set(["between", "by", "with", "of", "for", "among", "against", "to", "from", "in", "at", "on", "under"]);
const GAP_WORDS = new Set(["of", "on", "in", "from", "dated", ",", "(", "at", "between"]);
const PREPOSITION_BEFORE_EVENT = new Set(["at", "in", "during", "after", "before", "following", "since", "until", "by", "of", "under", "with", "from", "to"]);

/** Verbs whose object is the agreement: "X and Y signed the Z" dates Z. */
const SIGN_OBJECT = new Set(["sign", "conclude", "ratify", "negotiate", "agree", "accept", "adopt", "proclaim", "issue", "pass", "publish", "enact", "repeal", "draft", "declare", "found", "establish", "form", "create"]);
/** Classes whose name opening a list line owns the line's first date. */
const ITEM_CLASSES = new Set(["agreement", "declaration", "law", "meeting"]);
const isVerb = (t: Token | undefined): boolean => !!t && t.pos === "VERB";
const isBe = (t: Token | undefined): boolean => !!t && t.pos === "AUX" && (t.lemma === "be" || t.lemma === "get");

export function subjectFromName(n: Name): Subject {
  return {
    text: n.text,
    article: n.article || (!!n.head && !/^\p{Lu}{2,}$/u.test(n.text)),
    // An organisation or a building is named, not an event: "the Soviet Union varied" dates nothing.
    event: !!n.head && n.head.class !== "organisation",
    ...(n.head ? { defaultVerb: n.head.verb } : {}),
    plural: !!n.head && /[^s]s$/.test(n.head.word),
    via: "name",
  };
}

function subjectFromReferent(r: Referent, via: Subject["via"]): Subject {
  return { text: r.text, article: r.article, event: true, defaultVerb: r.head.verb, plural: /[^s]s$/.test(r.head.word), via };
}

export const subjectText = (s: Subject): string => withArticle(s);

/** "When was X signed?" / "When did X take place?" from a head's default verb phrase. */
export function defaultQuestion(s: Subject, verb: string): string {
  const x = subjectText(s);
  if (verb === "took place") return `When did ${x} take place?`;
  return `When ${s.plural ? "were" : "was"} ${x} ${verb}?`;
}

/** Does a new clause start at token i? ";", a dash, or ", and"/", but" (", and on 3 January 1815 they signed"). */
function opensClause(v: SentenceView, i: number): boolean {
  const t = v.tokens[i - 1];
  if (!t || v.inDate[i - 1]) return false;
  if (BOUNDARY.has(t.text)) return true;
  const cur = v.tokens[i]!;
  if (t.text !== "," || cur.pos !== "CCONJ" || !["and", "but", "yet", "so"].includes(cur.lower)) return false;
  // ", and on 3 January 1815 they signed …" opens a clause; ", sale, and transportation of …" ends a list.
  for (let q = i + 1; q < v.tokens.length && q - i <= 10; q++) {
    const x = v.tokens[q]!;
    if (x.pos === "VERB" || x.pos === "AUX") return !v.names.some((n) => n.t0 <= q && q < n.t1);
    // (", and on November 20, 1977, he spoke": the comma closing a fronted date does not end the clause.)
    if (x.text === "," && !v.inDate[q] && !v.inDate[q - 1]) return false;
  }
  return false;
}

function clauseBounds(v: SentenceView, t: number): [number, number] {
  let a = t;
  while (a > 0 && !opensClause(v, a)) a--;
  let b = t + 1;
  while (b < v.tokens.length && !opensClause(v, b)) b++;
  if (BOUNDARY.has(v.tokens[b - 1]?.text ?? "") && b - 1 > t) b--;
  // A chronology line "1957 – Treaty of Rome signed": the date before the dash governs the rest.
  if (a === 0 && b < v.tokens.length && v.dates.some((d) => d.t0 === 0 && d.t1 === b)) {
    b++;
    while (b < v.tokens.length && !BOUNDARY.has(v.tokens[b]!.text)) b++;
  }
  // A note ending "Robespierre guillotined – 28 July 1794": the date after the last dash governs what comes before.
  const tail = v.dates.find((d) => d.t0 === a && d.t1 >= v.tokens.length - 1);
  if (tail && a > 0 && ["–", "—", "-"].includes(v.tokens[a - 1]!.text)) {
    a--;
    while (a > 0 && !BOUNDARY.has(v.tokens[a - 1]!.text)) a--;
  }
  return [a, b];
}

/** Walk left from `from` (exclusive) to find the clause subject. */
function findSubject(v: SentenceView, from: number, floor: number, discourse: Discourse): { subject?: Subject; actors?: Name[] } {
  let k = from - 1;
  while (k >= floor) {
    const t = v.tokens[k]!;
    // ("Adams and Jefferson both died": a floating quantifier stands between the subject and its verb.)
    const floating = k === from - 1 && ["both", "all", "each"].includes(t.lower);
    if (floating || t.pos === "ADV" || t.pos === "PART" || t.text === ")" || (t.pos === "PUNCT" && t.text !== "," && t.text !== "(")) {
      if (t.text === ")") {
        while (k >= floor && v.tokens[k]!.text !== "(") k--;
      }
      k--;
      continue;
    }
    if (t.text === "," && k === from - 1 && v.tokens[from]?.pos === "VERB" && nameEndingAt(v, k - 1)) {
      // ", concluded between …": a participle right after a comma describes what stands before the comma —
      // the name itself, unless it ends a list of parties ("an agreement between Napoleon and Pius VII, signed …").
      const n = nameEndingAt(v, k - 1)!;
      // "Tutankhamun, a young king of the 18th Dynasty, ruled …": the name opening the sentence, before an
      // apposition that ends in a name, is the subject of a past-tense verb.
      // ("On September 16, 1810, Father Miguel Hidalgo, a priest in the village of Dolores, rang …": a date or
      // a preposition may come first; "the Republic of the Congo, with its capital at Brazzaville, became …".)
      // (Also a relative clause or a "led by …" phrase: "Pope Alexander VI, who was born in the Crown of Aragon, issued".)
      for (let open = n.t0 - 1; open > floor; open--) {
        const starter = v.tokens[open + 1];
        const clause = !!starter && (RELATIVE.has(starter.lower) || (isVerb(starter) && v.tokens[open + 2]?.lower === "by"));
        if (v.tokens[open]!.text !== "," || v.inDate[open - 1] || !(clause || ["a", "an", "the", "with", "his", "her", "its", "their"].includes(starter?.lower ?? ""))) continue;
        const opener = nameEndingAt(v, open - 1);
        const lead = !!opener && v.tokens.slice(floor, opener.t0).every((x, i) => v.inDate[floor + i] || x.pos === "PUNCT" || x.pos === "DET" || ["on", "in", "at", "by"].includes(x.lower));
        if (opener && lead && !v.tokens.slice(open + 1, k).some((x) => x.text === "," || (!clause && (x.pos === "VERB" || x.pos === "AUX")))) return { subject: subjectFromName(opener), actors: [opener] };
        break;
      }
      const pre = v.tokens[n.t0 - 1]?.lower === "the" ? v.tokens[n.t0 - 2] : v.tokens[n.t0 - 1];
      const inList = ["and", ","].includes(pre?.lower ?? "") || ["between", "with", "by", "among"].includes(pre?.lower ?? "");
      if (!inList) return { subject: subjectFromName(n), actors: [n] };
      k--;
      continue;
    }
    if (t.text === ",") {
      // Skip an appositive, participle or relative phrase (", a peace treaty,", ", brokered by the World Bank,",
      // ", which guaranteed women the right to vote,") back to what it describes; the phrase may hold commas itself.
      let j = k - 1;
      for (let tries = 0; tries < 4; tries++) {
        while (j >= floor && v.tokens[j]!.text !== ",") j--;
        if (j < floor) break;
        const seg = v.tokens.slice(j + 1, k);
        // ", La Noche Triste,": an appositive that is itself a name names the subject.
        const appositiveName = v.names.find((m) => m.t0 === j + 1 && m.t1 === k);
        if (appositiveName && !nameEndingAt(v, j - 1)) return { subject: subjectFromName(appositiveName) };
        const relative = RELATIVE.has(seg[0]?.lower ?? "");
        // Participles ("the boundary drawn by …") and infinitives belong to a phrase; a finite verb makes a clause.
        const clause = !relative && seg.some((x, i) => x.pos === "AUX" || (x.pos === "VERB" && !/(?:ed|en|wn|t|ing)$/.test(x.lower) && v.tokens[j + i]?.lower !== "to"));
        const np = nounPhraseEndingAt(v, j - 1, floor);
        if (!clause && (nameEndingAt(v, j - 1) || (np && (np.hasName || v.rules.heads.has(np.head))))) {
          k = j - 1;
          break;
        }
        j--;
      }
      if (k === from - 1 || v.tokens[k]?.text === ",") k--;
      continue;
    }
    // A phrase with a name or an event head: "the Soviet blockade of West Berlin", "the Tokugawa shogunate".
    const np = nounPhraseEndingAt(v, k, floor);
    const n = nameEndingAt(v, k);
    const quantity = np && /^(?:number|lot|part|kind|sort|majority|minority|group|series|rest|most|some|many|few)$/.test(v.tokens[np.t0]!.lower);
    if (np && !quantity && (!n || np.t0 < n.t0) && (np.hasName || v.rules.heads.has(np.head)) && !(n && np.t0 < n.t0 && !v.tokens.slice(np.t0, n.t0).some((x) => x.lower === "of" || x.pos === "NOUN" || x.pos === "ADJ"))) {
      const h = v.rules.heads.get(np.head);
      // "The Concordat of 1801 was an agreement between …, signed on …": the predicate describes the copula's subject.
      const det = v.tokens[np.t0 - 1];
      if (det && ["a", "an"].includes(det.lower) && v.tokens[np.t0 - 2]?.lemma === "be") {
        let q = np.t0 - 3;
        while (q >= floor && (v.inDate[q] || ["of", "in"].includes(v.tokens[q]!.lower))) q--;
        const x = nameEndingAt(v, q);
        if (x) return { subject: subjectFromName(x) };
      }
      // "Magna Carta – a charter of liberties agreed … on 15 June 1215": the glossary line's term is what is dated.
      // ("First Triumvirate: the informal political alliance formed in 60 BC by …")
      const defines = !!v.names[0] && np.t0 - 1 === v.names[0].t1 + 1;
      if (det && (["a", "an"].includes(det.lower) || (det.lower === "the" && defines)) && v.names[0]?.t0 === 0 && ["–", "—", ":", "-"].includes(v.tokens[v.names[0].t1]?.text ?? "")) {
        return { subject: subjectFromName(v.names[0]) };
      }
      // "its reading of the Treaty of Wuchale": what is dated is the treaty, not the reading.
      const ofName = !!n && (v.tokens[n.t0 - 1]?.lower === "of" || (v.tokens[n.t0 - 1]?.lower === "the" && v.tokens[n.t0 - 2]?.lower === "of"));
      if (!h && n?.head && ofName) return { subject: subjectFromName(n) };
      if (h || np.t1 - np.t0 > 1 || np.hasName) {
        if (!h && !np.hasName) return {};
        const ref = !np.hasName && np.t1 - np.t0 === 1 ? discourse.definite(np.head) : null;
        if (ref) return { subject: subjectFromReferent(ref, "definite") };
        // "the war" with nothing it can refer to: which war is not guessed.
        if (!np.hasName && np.t1 - np.t0 === 1) return {};
        return {
          subject: {
            text: np.text,
            article: np.determiner || !n || n.t0 !== np.t0,
            event: !!h,
            ...(h ? { defaultVerb: h.verb } : {}),
            plural: v.tokens[np.t1 - 1]!.pos === "NOUN" && /[^s]s$/.test(np.head),
            via: np.hasName ? "name" : "description",
          },
        };
      }
    }
    if (n) {
      // "Germany and Japan", "Belgium, France and Italy": the actors.
      const actors = [n];
      let j = n.t0 - 1;
      if (v.tokens[j]?.lower === "the") j--;
      while (j >= floor) {
        const sep = v.tokens[j]!;
        if (sep.text !== "," && sep.lower !== "and") break;
        const m = nameEndingAt(v, j - 1);
        if (!m) break;
        // "at a villa in Sèvres near Paris, Britain, France and Israel agreed": a place after a preposition
        // ends the opening phrase; it is no actor.
        const mPre = v.tokens[m.t0 - 1]?.lower === "the" ? v.tokens[m.t0 - 2] : v.tokens[m.t0 - 1];
        if (sep.text === "," && mPre?.pos === "ADP") break;
        actors.unshift(m);
        j = m.t0 - 1;
        if (v.tokens[j]?.lower === "the") j--;
      }
      // "the Triple Alliance between Germany, Austria-Hungary and Italy was signed": the list is a complement.
      const pre = v.tokens[actors[0]!.t0 - 1];
      const pre2 = pre?.lower === "the" ? v.tokens[actors[0]!.t0 - 2] : pre;
      if (pre2 && SUBJECT_PREPOSITIONS.has(pre2.lower) && pre2.pos === "ADP") {
        const at = v.tokens.indexOf(pre2);
        const inner = findSubject(v, at, floor, discourse);
        // "the French garrison at Dien Bien Phu": a described subject keeps the place that names it.
        if (inner.subject && (inner.subject.via === "description" || (!inner.subject.event && /^\p{Lu}?[\p{L}-]*\s\p{Ll}/u.test(inner.subject.text))) && ["at", "in", "of"].includes(pre2.lower)) {
          return { subject: { ...inner.subject, text: `${inner.subject.text} ${textOf(v, at, n.t1)}`, via: "name" } };
        }
        if (inner.subject) return inner;
        // "strikes and bread queues in Petrograd turn into revolution": the name after "in" is no subject;
        // the common nouns before it are, less surely.
        if (["in", "at", "on", "of"].includes(pre2.lower)) {
          let q = at - 1;
          while (q >= floor && ["NOUN", "ADJ", "CCONJ", "DET"].includes(v.tokens[q]!.pos)) q--;
          if (q + 1 < at && v.tokens[at - 1]!.pos === "NOUN") return { subject: { text: textOf(v, q + 1, n.t1), article: false, event: true, defaultVerb: "took place", plural: true, via: "description" } };
          return {};
        }
      }
      return { subject: subjectFromName(actors.length > 1 ? n : actors[0]!), actors };
    }
    if (RELATIVE.has(t.lower)) {
      // "X, which was signed …", "a peace treaty that was signed …" (X is a peace treaty …)
      let j = k - 1;
      while (j >= floor && v.tokens[j]!.text === ",") j--;
      const n = nameEndingAt(v, j);
      // "…, about 250 miles south-west of Moscow, which was started in 1924": a place in passing is not what "which" means.
      // (But "Constantinople, which fell on 29 May 1453": a place that falls or surrenders is the subject.)
      const placeAct = t.lower === "which" && ["fall", "surrender", "capitulate"].includes(v.tokens[from]?.lemma ?? "");
      if (n && (n.head || /^\p{Lu}{2,}$/u.test(n.text) || n.t0 <= 1 || t.lower === "who" || placeAct)) return { subject: subjectFromName(n) };
      if (n) return {};
      // "The Qing dynasty, which …": a phrase with a name in it.
      const np = nounPhraseEndingAt(v, j, floor);
      if (np && np.hasName && np.t0 <= 1) return { subject: { text: np.text, article: true, event: false, plural: false, via: "description" } };
      for (let q = j; q >= floor; q--) {
        const tq = v.tokens[q]!;
        if (isBe(tq) || (tq.pos === "VERB" && tq.lemma === "be")) {
          const m = nameEndingAt(v, q - 1);
          if (m) return { subject: subjectFromName(m) };
          break;
        }
      }
      return {};
    }
    if (t.pos === "NOUN" || t.pos === "PROPN") {
      // "the treaty", "this conference", "the peace conference"
      let q = k - 1;
      while (q >= floor && (v.tokens[q]!.pos === "ADJ" || v.tokens[q]!.pos === "NOUN") && k - q <= 2) q--;
      const det = v.tokens[q];
      // "The king died in December 1909": the king the text named ("Leopold II, King of the Belgians").
      // ("The former chancellor died …": an adjective of time may stand between.)
      const between = v.tokens.slice(q + 1, k).every((x) => ["former", "late", "old", "young", "new", "aged", "ageing", "exiled", "deposed"].includes(x.lower));
      const holder = det?.lower === "the" && between && v.tokens[k + 1]?.lower !== "of" ? discourse.officeHolder(t.lower) : null;
      if (holder) return { subject: { text: holder, article: false, event: false, plural: false, via: "definite" } };
      // "The stone was found in 1799" under the heading "Rosetta Stone": the thing the heading names.
      const thing = det && ["the", "this"].includes(det.lower) && q === k - 1 && !v.rules.heads.has(t.lower) ? discourse.sectionThing(t.lower) : null;
      if (thing) return { subject: { text: thing, article: true, event: false, plural: false, via: "definite" } };
      if (det && (det.lower === "the" || det.lower === "this")) {
        const r = discourse.definite(t.lower);
        if (r) return { subject: subjectFromReferent(r, "definite") };
        // No earlier name: a described event ("the peace conference") stands for itself, less surely.
        if (q < k - 1 && v.rules.heads.has(t.lower)) {
          const h = v.rules.heads.get(t.lower)!;
          return { subject: { text: textOf(v, q + 1, k + 1), article: true, event: true, defaultVerb: h.verb, plural: false, via: "description" } };
        }
      }
      return {};
    }
    if (t.pos === "PRON" && (t.lower === "it" || t.lower === "they")) {
      // "Reinsurance Treaty – Germany and Russia; Wilhelm II let it lapse in 1890": an agreement named
      // earlier in the same sentence comes before the last sentence's subject.
      const inSentence = t.lower === "it" ? [...v.names].reverse().find((n) => n.t1 <= k && n.head && n.head.class !== "organisation") : undefined;
      if (inSentence) return { subject: subjectFromName(inSentence) };
      // "Hong Kong remained a British colony until it was returned to China": the main clause's subject.
      const opener = v.names[0];
      if (t.lower === "it" && opener && opener.t0 <= 1 && !opener.head && opener.t1 < k && /^(?:VERB|AUX)$/.test(v.tokens[opener.t1]?.pos ?? "") && v.tokens.slice(opener.t1, k).some((x) => x.pos === "SCONJ" || ["until", "till", "before", "after", "when", "because", "since"].includes(x.lower))) {
        return { subject: { text: opener.text, article: opener.article, event: false, plural: false, via: "pronoun" } };
      }
      const r = discourse.pronoun();
      return r ? { subject: subjectFromReferent(r, "pronoun") } : {};
    }
    if (t.pos === "PRON" && (t.lower === "he" || t.lower === "she")) {
      // "Napoleon had escaped from Elba, and on 1 March 1815 he landed …": the person this sentence opened with.
      const opener = v.names[0];
      // ("His lieutenant Jean-Jacques Dessalines continued the fight, and … he declared …")
      const same = opener && nameOpening(v, opener) && !opener.head && opener.t1 < k && /^(?:VERB|AUX)$/.test(v.tokens[opener.t1]?.pos ?? "") ? opener.text : null;
      const p = same ?? discourse.personPronoun();
      return p ? { subject: { text: p, article: false, event: false, plural: false, via: "pronoun" } } : {};
    }
    return {};
  }
  return {};
}

const VIA_FACTOR: Record<Subject["via"], number> = { name: 1, title: 0.9, definite: 0.9, pronoun: 0.8, description: 0.7 };

/** The object phrase after the verb, up to the date, a comma or a preposition that opens an adjunct. */
function objectText(v: SentenceView, from: number, to: number, discourse?: Discourse): string {
  let end = from;
  while (end < to) {
    const t = v.tokens[end]!;
    // "at Yorktown", "in Edo Bay": a place named by a preposition belongs to the act.
    const placePP = ["at", "in"].includes(t.lower) && !!v.names.find((n) => n.t0 === end + 1 || (n.t0 === end + 2 && v.tokens[end + 1]?.lower === "the"));
    if (v.inDate[end] || t.text === "," || t.text === "(" || (t.pos === "ADP" && t.lower !== "of" && end > from && !placePP && !["on", "from", "to", "with", "into", "against"].includes(t.lower)) || t.pos === "SCONJ" || CLAUSE_OPENERS.has(t.lower)) break;
    if (t.pos === "ADP" && ["on", "in", "at"].includes(t.lower) && v.inDate[end + 1]) break;
    // "resigns + flees to England", "abdicates → Republic proclaimed": notes join acts with signs.
    // (In a table read as a line, a dash is the next cell: "the Korean War begins – North Korea, …".)
    if (t.text === "+" || t.text === "→" || t.text === "–" || t.text === "—") break;
    // "met off Newfoundland and agreed the Atlantic Charter": a second verb phrase is another fact.
    if (t.lower === "and" && (v.tokens[end + 1]?.pos === "VERB" || v.tokens[end + 1]?.pos === "AUX")) break;
    end++;
  }
  while (end > from && (["ADP", "CCONJ", "DET", "PUNCT", "ADV"].includes(v.tokens[end - 1]!.pos) || v.inDate[end - 1])) end--;
  let start = from;
  while (start < end && v.tokens[start]!.pos === "ADV") start++;
  // "rejected the treaty" → "rejected the Treaty of Versailles": a definite anaphor in the object is resolved.
  const parts: string[] = [];
  let cursor = start;
  for (let q = start; q < end && discourse; q++) {
    // "Aleppo submitted to him": the person the narrative is about (no one, after a change of subject).
    const t = v.tokens[q]!;
    const person = t.lower === "him" || (t.lower === "her" && !["NOUN", "ADJ", "PROPN"].includes(v.tokens[q + 1]?.pos ?? "")) ? discourse.personPronoun() : null;
    if (person) {
      parts.push(textOf(v, cursor, q), person);
      cursor = q + 1;
      continue;
    }
    if (q >= end - 1 || v.tokens[q]!.lower !== "the" || v.tokens[q + 2]?.lower === "of" || v.tokens[q + 1]!.pos !== "NOUN") continue;
    const r = discourse.definite(v.tokens[q + 1]!.lower);
    const thing = r ? null : discourse.sectionThing(v.tokens[q + 1]!.lower);
    if (!r && !thing) continue;
    parts.push(textOf(v, cursor, q), r ? withArticle(r) : `the ${thing}`);
    cursor = q + 2;
  }
  parts.push(textOf(v, cursor, end));
  // "The Senate approved it": the object "it" is the event the last sentence was about.
  const it = end - start === 1 && v.tokens[start]!.lower === "it" && discourse ? discourse.pronoun() : null;
  if (it) return withArticle(it);
  return parts.filter(Boolean).join(" ");
}

export interface FactOptions {
  /** A list line, table row or field: fragments ("Treaty of Rome signed") are allowed. */
  line: boolean;
  /** The line opens with its date ("1957 – …"). */
  lineDate: boolean;
}

export function datedFacts(v: SentenceView, discourse: Discourse, opts: FactOptions): DatedFact[] {
  const out: DatedFact[] = [];
  const rules = v.rules;
  v.dates.forEach((d, di) => {
    const before = v.tokens[d.t0 - 1];
    const after = v.tokens[d.t1];
    // "**June Days** = workers' rising in Paris …; crushed by Gen. Cavaignac (23–26 June 1848)": a glossary
    // line's closing date in brackets dates its term.
    const term = v.names[0];
    const closing = before?.text === "(" && after?.text === ")" && v.tokens.slice(d.t1 + 1).every((t) => t.pos === "PUNCT");
    // ("**Tennis Court Oath** (20 June 1789): Third Estate vowed …": the bracket right after the term.)
    const leading = before?.text === "(" && after?.text === ")" && !!term && d.t0 === term.t1 + 1 && ["=", "–", "—", ":"].includes(v.tokens[d.t1 + 1]?.text ?? "");
    if ((closing || leading) && opts.line && term && term.t0 <= 1 && (leading || ["=", "–", "—", ":"].includes(v.tokens[term.t1]?.text ?? ""))) {
      const s = subjectFromName(term);
      const verb = term.head?.verb ?? "took place";
      out.push({ subject: { ...s, event: true }, prompt: defaultQuestion(s, verb), facet: "", rule: "glossary-date", confidence: 0.75 - (d.approximate ? 0.05 : 0), dateIndex: di });
      return;
    }
    // "the 1905 Revolution": a year in front of a one-word event name is part of the name (a card would give its answer away);
    // "the March 1938 Anschluss", "the 1926 Treaty of Berlin" date the event.
    const follows = v.names.find((n) => n.t0 === d.t1);
    if (before?.lower === "the" && follows) {
      if (d.date.month === undefined && !v.tokens.slice(follows.t0, follows.t1).some((t) => t.lower === "of")) return;
      // "the November 1917 Revolution": which revolution is not said; "the March 1938 Anschluss" is one event.
      if (follows.t1 - follows.t0 === 1 && GENERIC_HEADS.has(follows.text.toLowerCase())) return;
      if (follows.head) {
        const s = subjectFromName(follows);
        out.push({ subject: s, prompt: defaultQuestion(s, follows.head.verb), facet: "", rule: "date-before-name", confidence: 0.85 - (d.approximate ? 0.05 : 0), dateIndex: di });
        return;
      }
    }
    const approx = d.approximate ? 0.05 : 0;
    // "The Qing dynasty, which had ruled China since 1644": a start, asked as such.
    if (before?.lower === "since") {
      const f = sinceFact(v, d.t0 - 1, discourse);
      if (f) out.push({ ...f, confidence: f.confidence - approx, dateIndex: di });
      return;
    }
    // "By 1914 …", "until 1918", "after 1945": a bound, not the date of the event.
    if (before && NOT_A_POINT.has(before.lower)) return;

    // 1. The date qualifies an event name right before it.
    let k = d.t0 - 1;
    let participle: Token | undefined;
    while (k >= 0 && (GAP_WORDS.has(v.tokens[k]!.lower) || (isVerb(v.tokens[k]) && !participle && v.tokens[k - 1]?.text === ","))) {
      if (isVerb(v.tokens[k])) participle = v.tokens[k];
      k--;
    }
    // ", signed in the early hours of 30 September 1938": a participle after a comma, then its adjuncts.
    let longGap = false;
    if (!participle) {
      let q = d.t0 - 1;
      while (q > 0 && d.t0 - q <= 7 && !isVerb(v.tokens[q]) && v.tokens[q]!.text !== "," && !nameEndingAt(v, q) && v.tokens[q]!.pos !== "AUX") q--;
      if (q > 0 && isVerb(v.tokens[q]) && v.tokens[q - 1]?.text === "," && /ed$|en$/.test(v.tokens[q]!.lower) && nameEndingAt(v, q - 2)) {
        participle = v.tokens[q];
        k = q - 2;
        longGap = true;
      }
    }
    const named = k >= 0 && k < d.t0 - 1 + 1 ? nameEndingAt(v, k) : undefined;
    // "on Black Thursday, Oct. 24, 1929": a named day.
    if (named && !named.head && v.tokens[named.t0 - 1]?.lower === "on" && v.tokens[d.t0 - 1]?.text === "," && k === d.t0 - 2) {
      out.push({ subject: subjectFromName(named), prompt: `When was ${named.text}?`, facet: "", rule: "named-day", confidence: 0.75 - approx, dateIndex: di });
      return;
    }
    // (An organisation or a building is dated only by a participle: "ASEAN, founded on …"; "seceded from the Union on …" dates the secession.)
    if (named && named.head && (named.head.class !== "organisation" || participle) && k < d.t0 && (d.t0 - k <= 4 || longGap)) {
      const pre = v.tokens[named.t0 - 1]?.lower === "the" ? v.tokens[named.t0 - 2] : v.tokens[named.t0 - 1];
      const verbBefore = v.tokens.slice(0, named.t0).some((t, i) => isVerb(t) && !v.inDate[i]);
      // "the Treaty of Trianon of 4 June 1920": "of" + date always qualifies the name.
      const ofDate = v.tokens[d.t0 - 1]?.lower === "of" && k === d.t0 - 2;
      const objectOfVerb = verbBefore && !(pre && PREPOSITION_BEFORE_EVENT.has(pre.lower)) && !participle && !ofDate;
      if (!objectOfVerb || named.head.class === "battle" || named.head.class === "war") {
        const s = subjectFromName(named);
        const verb = participle && participle.lemma !== "be" ? participle.text.toLowerCase() : (named.head.verb);
        out.push({ subject: s, prompt: defaultQuestion(s, verb), facet: factFacet(verb, named.head.verb), rule: "name-date", confidence: 0.9 - approx, dateIndex: di });
        return;
      }
    }

    // 2. "the death of Lenin in 1924", "the signing of the Treaty of X on …", "Fall of the Berlin Wall".
    for (let q = d.t0 - 1; q >= Math.max(0, d.t0 - 12); q--) {
      const t = v.tokens[q]!;
      const template = rules.eventNouns.get(t.lemma) ?? rules.eventNouns.get(t.lower);
      if (!template || v.tokens[q + 1]?.lower !== "of") continue;
      const n = v.names.find((m) => m.t0 === q + 2 || m.t0 === q + 3);
      if (!n || n.t1 > d.t0) continue;
      const gap = v.tokens.slice(n.t1, d.t0).filter((x) => !GAP_WORDS.has(x.lower));
      if (gap.length > 0) continue;
      const s = subjectFromName(n);
      out.push({ subject: s, prompt: template.replace("{x}", subjectText(s)), facet: t.lemma, rule: "event-noun", confidence: 0.85 - approx, dateIndex: di });
      return;
    }

    // A list line that opens with an agreement: "Convention between Japan and the Soviet Union, dated at Peking, 20 January 1925".
    const opener = v.names[0];
    // ("Storming of the Bastille – 14 July 1789": any event's name with only a dash or colon before its date.)
    const dashedOnly = !!opener && v.tokens.slice(opener.t1, d.t0).every((t) => ["–", "—", "-", ":", ","].includes(t.text)) && d.t0 > opener.t1;
    if (opts.line && opener && opener.t0 <= 1 && opener.head && (ITEM_CLASSES.has(opener.head.class) || (dashedOnly && opener.head.class !== "organisation")) && !out.some((f) => f.subject.text === opener.text) && d.t0 >= opener.t1) {
      const s = subjectFromName(opener);
      const verb = participle && participle.lemma !== "be" ? participle.text.toLowerCase() : opener.head.verb;
      out.push({ subject: s, prompt: defaultQuestion(s, verb), facet: factFacet(verb, opener.head.verb), rule: "item-name", confidence: 0.85 - approx, dateIndex: di });
      return;
    }

    // "the 1917 revolutions": a date between "the" and a noun modifies that noun.
    if (before?.lower === "the" && after?.pos === "NOUN" && !follows) return;

    // "flew to Berchtesgaden on 15 September and to Bad Godesberg on 22 September": the second place repeats the act.
    const gappedPlace = before && ["on", "in"].includes(before.lower) ? nameEndingAt(v, d.t0 - 2) : undefined;
    const prevFact = out[out.length - 1];
    const prep = gappedPlace ? v.tokens[gappedPlace.t0 - 1] : undefined;
    if (gappedPlace && prevFact && prep?.pos === "ADP" && v.tokens[gappedPlace.t0 - 2]?.lower === "and") {
      const placed = v.names.find((n) => n.t1 <= gappedPlace.t0 - 2 && v.tokens[n.t0 - 1]?.lower === prep.lower && prevFact.prompt.includes(`${prep.lower} ${n.text}`));
      if (placed) {
        const swap = (x: string) => x.replace(`${prep.lower} ${placed.text}`, `${prep.lower} ${gappedPlace.text}`);
        out.push({ ...prevFact, subject: { ...prevFact.subject, text: swap(prevFact.subject.text) }, prompt: swap(prevFact.prompt), rule: "gapped-clause", confidence: Math.min(prevFact.confidence, 0.75), dateIndex: di });
        return;
      }
    }
    // "Pakistan became independent on 14 August 1947, and India on 15 August 1947": the verb is left out.
    const gapped = before && ["on", "in"].includes(before.lower) ? nameEndingAt(v, d.t0 - 2) : undefined;
    const previous = out[out.length - 1];
    if (gapped && previous && v.tokens[gapped.t0 - 1]?.lower === "and" && (v.inDate[gapped.t0 - 2] === true || v.tokens[gapped.t0 - 2]?.text === ",") && !previous.subject.event && previous.subject.via === "name") {
      const was = previous.subject.text.split(" ")[0]!;
      const actor = previous.prompt.includes(`did ${was}`) || previous.prompt.includes(`did the ${was}`) ? was : null;
      const priorActor = v.names.find((n) => previous.subject.text.startsWith(n.text));
      if (actor && priorActor) {
        const text = previous.subject.text.replace(priorActor.text, gapped.text);
        out.push({ ...previous, subject: { ...previous.subject, text }, prompt: previous.prompt.replace(priorActor.text, gapped.text), rule: "gapped-clause", confidence: Math.min(previous.confidence, 0.75), dateIndex: di });
        return;
      }
    }

    // "the political revolution of 1868": the date modifies a noun, not the clause's verb.
    // ("on the night of 30 June 1520" is the date itself.)
    if (before?.lower === "of" && v.tokens[d.t0 - 2]?.pos === "NOUN" && !PARTS_OF_DAY.has(v.tokens[d.t0 - 2]!.lower)) {
      // "A conscription law of January 1873": a described law, treaty or event is dated by it.
      const np = nounPhraseEndingAt(v, d.t0 - 2, 0);
      const hw = np ? v.rules.heads.get(np.head) : undefined;
      if (np && hw && np.t1 - np.t0 >= 2 && hw.class !== "organisation" && !(d.date.month === undefined && np.determiner && v.tokens[np.t0 - 1]?.lower === "the")) {
        const s: Subject = { text: np.text.replace(/^(?:a|an)\s+/i, ""), article: true, event: true, defaultVerb: hw.verb, plural: false, via: "description" };
        out.push({ subject: s, prompt: defaultQuestion(s, hw.verb), facet: "", rule: "described-date", confidence: 0.7 - approx, dateIndex: di });
      }
      return;
    }

    // "After the Japanese attack on Pearl Harbor on 7 December 1941, the United States entered the war":
    // the date belongs to the attack, inside the opening phrase, not to the main clause.
    const opening = v.tokens[0] && ["after", "before", "following", "since", "until", "during"].includes(v.tokens[0].lower);
    const commaAfter = v.tokens.findIndex((t, i) => i > d.t1 - 1 && t.text === ",");
    if (opening && commaAfter > 0 && !v.tokens.slice(1, d.t0).some((t) => t.text === "," || t.pos === "VERB")) {
      // "the Japanese attack on Pearl Harbor": the head noun may stand before a place.
      const place = nameEndingAt(v, d.t0 - 2);
      const headAt = place && ["on", "at", "in", "against"].includes(v.tokens[place.t0 - 1]?.lower ?? "") ? place.t0 - 2 : d.t0 - 2;
      const np = nounPhraseEndingAt(v, headAt, 1);
      const hw = np ? v.rules.heads.get(np.head) : undefined;
      if (np && hw && ["on", "in"].includes(before?.lower ?? "")) {
        const s: Subject = { text: textOf(v, np.t0, d.t0 - 1), article: true, event: true, defaultVerb: hw.verb, plural: false, via: "description" };
        out.push({ subject: s, prompt: defaultQuestion(s, hw.verb), facet: "", rule: "opening-phrase", confidence: 0.7 - approx, dateIndex: di });
      }
      return;
    }

    // "The storming of the Bastille on 14 July 1789 …": an action named by a noun, dated in passing.
    if (before && ["on", "in"].includes(before.lower)) {
      const n = nameEndingAt(v, d.t0 - 2);
      const of = n ? (v.tokens[n.t0 - 1]?.lower === "the" ? n.t0 - 2 : n.t0 - 1) : -1;
      const noun = v.tokens[of - 1];
      if (n && v.tokens[of]?.lower === "of" && noun && (noun.pos === "NOUN" || (noun.pos === "VERB" && /ing$/.test(noun.lower))) && v.tokens[of - 2]?.lower === "the" && !v.rules.containerNouns.has(noun.lower) && !v.rules.heads.has(noun.lower)) {
        const s: Subject = { text: textOf(v, of - 1, n.t1), article: true, event: true, defaultVerb: "took place", plural: false, via: "description" };
        out.push({ subject: s, prompt: defaultQuestion(s, "took place"), facet: "", rule: "action-noun", confidence: 0.7 - approx, dateIndex: di });
        return;
      }
    }

    // 3. The verb of the clause.
    const [c0, c1] = clauseBounds(v, d.t0);
    let vi = -1;
    for (let q = d.t0 - 1; q >= c0; q--) {
      if (isVerb(v.tokens[q]) && !v.inDate[q] && !nameEndingAt(v, q) && !v.names.some((n) => n.t0 <= q && q < n.t1)) {
        vi = q;
        break;
      }
    }
    if (vi < 0) {
      // "On 4 May 1493 Pope Alexander VI, who was born in …, issued the bull": the date is the main verb's, not a
      // relative clause's or an enclosed "led by …" phrase's.
      let enclosed = false;
      for (let q = d.t1; q < c1; q++) {
        const t = v.tokens[q]!;
        if (t.text === ",") {
          const next = v.tokens[q + 1];
          enclosed = !enclosed && !!next && (RELATIVE.has(next.lower) || (isVerb(next) && /(?:ed|en|wn)$/.test(next.lower) && v.tokens[q + 2]?.lower === "by"));
          continue;
        }
        if (!enclosed && isVerb(t) && !v.names.some((n) => n.t0 <= q && q < n.t1)) {
          vi = q;
          break;
        }
      }
    }
    // "ceased to exist in 1991": the infinitive belongs to the verb before "to".
    if (vi >= 2 && v.tokens[vi - 1]?.lower === "to" && isVerb(v.tokens[vi - 2])) vi -= 2;
    if (vi >= 0) {
      let fact = verbFact(v, vi, c0, c1, d.t0, discourse, opts);
      // "In September 1876 he gathered explorers … and founded the International African Association": try the coordinated verb.
      for (let q = vi + 1; !fact && vi > d.t0 && q < c1; q++) {
        const joined = v.tokens[q - 1]?.lower === "and" || (v.tokens[q - 2]?.lower === "and" && v.tokens[q - 1]?.pos === "ADV");
        if (isVerb(v.tokens[q]) && joined && !v.names.some((n) => n.t0 <= q && q < n.t1)) fact = verbFact(v, q, c0, c1, d.t0, discourse, opts);
      }
      if (fact) {
        out.push({ ...fact, confidence: fact.confidence - approx, dateIndex: di });
        return;
      }
    }

    // 4. A chronology line or row with no verb: "1962 – Cuban Missile Crisis".
    if (opts.lineDate) {
      // The event named first after the line's date: "1962 – Cuban Missile Crisis".
      const lineDate = v.dates[0]!;
      const n = v.names.find((m) => m.t0 >= lineDate.t1 && m.t0 <= lineDate.t1 + 2 && m.head && m.head.class !== "organisation");
      if (n) {
        const s = subjectFromName(n);
        out.push({ subject: s, prompt: defaultQuestion(s, n.head!.verb), facet: factFacet(n.head!.verb, n.head!.verb), rule: "timeline-name", confidence: 0.85 - approx, dateIndex: di });
        return;
      }
      // (When a later date in the line is the precise one, the line's year adds no second card.)
      const preciser = v.dates.some((x) => x !== lineDate && x.date.year === lineDate.date.year);
      // "30 July – 1 August 1975: summit of the CSCE in Helsinki": a described event.
      let e = lineDate.t1;
      while (e < v.tokens.length && v.tokens[e]!.pos === "PUNCT") e++;
      // "9 Jan 1905 — Bloody Sunday: troops fire …", "4 Apr 1912 — Lena goldfields massacre": a verbless title
      // of the event, capitalised, ending in an event head or followed by ":" and what happened.
      let stop = e;
      while (stop < v.tokens.length && !/^[:;(–—]$/.test(v.tokens[stop]!.text) && !v.inDate[stop]) stop++;
      let last = stop;
      while (last > e && v.tokens[last - 1]!.pos === "PUNCT") last--;
      const phrase = v.tokens.slice(e, last);
      const headEnd = phrase.length > 0 && v.rules.heads.get(phrase[phrase.length - 1]!.lower);
      const titled = v.tokens[stop]?.text === ":" && phrase.length > 0 && phrase.every((t) => /^\p{Lu}/u.test(t.text) || /^(?:of|the|de|von)$/.test(t.lower));
      if (phrase.length >= 1 && phrase.length <= 5 && /^\p{Lu}/u.test(phrase[0]!.text) && !phrase.some((t) => t.pos === "VERB" || t.pos === "AUX") && (titled || (headEnd && headEnd.class !== "organisation" && phrase.length >= 2)) && !preciser) {
        const text = textOf(v, e, last);
        const named = /^(?:\p{Lu}[\p{L}'’-]*\s?)+$/u.test(text) && !headEnd;
        const s: Subject = { text, article: !named, event: true, defaultVerb: "took place", plural: false, via: "description" };
        out.push({ subject: s, prompt: defaultQuestion(s, "took place"), facet: "", rule: "timeline-title", confidence: 0.75 - approx, dateIndex: di });
        return;
      }
      let h = e;
      while (h < v.tokens.length && h - e < 4 && (v.tokens[h]!.pos === "ADJ" || v.tokens[h]!.pos === "NOUN" || v.tokens[h]!.pos === "DET" || (v.tokens[h]!.pos === "VERB" && /ing$/.test(v.tokens[h]!.lower))) && !v.rules.heads.has(v.tokens[h]!.lower)) h++;
      const hw = v.tokens[h] ? v.rules.heads.get(v.tokens[h]!.lower) : undefined;
      const at = v.tokens[h]?.lower === "of" ? h : v.tokens[h + 1]?.lower === "of" ? h + 1 : -1;
      const ofName = at >= 0 ? v.names.find((x) => x.t0 === at + 1 || x.t0 === at + 2) : undefined;
      const finiteVerb = v.tokens.some((t, i) => i >= e && t.pos === "VERB" && !(/ing$/.test(t.lower) && v.tokens[i - 1]?.pos === "DET") && !v.names.some((n) => n.t0 <= i && i < n.t1));
      // "1871 – Abolition of the han system": an event noun the rules know, and what it happened to,
      // named or not ("When was the han system abolished?").
      const en = e + (v.tokens[e]?.pos === "DET" ? 1 : 0);
      const template = v.tokens[en] ? (rules.eventNouns.get(v.tokens[en]!.lemma) ?? rules.eventNouns.get(v.tokens[en]!.lower)) : undefined;
      if (template && v.tokens[en + 1]?.lower === "of" && !finiteVerb && !preciser) {
        let end = en + 2;
        while (end < v.tokens.length && !/^[:;(–—]$/.test(v.tokens[end]!.text) && !v.inDate[end]) end++;
        while (end > en + 2 && v.tokens[end - 1]!.pos === "PUNCT") end--;
        const what = textOf(v, en + 2, end);
        if (end > en + 2 && what.split(" ").length <= 10) {
          const s: Subject = { text: what, article: false, event: true, defaultVerb: "took place", plural: false, via: "description" };
          // "Emancipation of the serfs" → "When were the serfs emancipated?"
          const nouns = v.tokens.slice(en + 2, end).filter((t) => t.pos === "NOUN" || t.pos === "PROPN");
          const headNoun = nouns.find((t, i) => nouns[i + 1] === undefined || v.tokens.indexOf(nouns[i + 1]!) !== v.tokens.indexOf(t) + 1);
          const plural = !!headNoun && headNoun.lemma !== headNoun.lower && /s$/.test(headNoun.lower);
          const prompt = template.replace("{x}", what).replace(/^When was /, plural ? "When were " : "When was ");
          out.push({ subject: s, prompt, facet: v.tokens[en]!.lemma, rule: "timeline-event-noun", confidence: 0.75 - approx, dateIndex: di });
          return;
        }
      }
      if (!hw && ofName && !finiteVerb && !preciser) {
        // An event noun and what it happened to, with no verb: "the storming of the Bastille".
        const text = textOf(v, e, ofName.t1).replace(/^(?:the|a|an)\s+/i, "");
        const s: Subject = { text, article: true, event: true, defaultVerb: "took place", plural: false, via: "description" };
        out.push({ subject: s, prompt: defaultQuestion(s, "took place"), facet: "", rule: "timeline-description", confidence: 0.7 - approx, dateIndex: di });
        return;
      }
      if (hw && hw.class !== "organisation" && !preciser) {
        let end = h + 1;
        // "mutiny on the battleship Potemkin", "storming of the Bastille": the head and what it happened to.
        if (["of", "on", "at", "in"].includes(v.tokens[end]?.lower ?? "")) {
          const m = v.names.find((x) => x.t0 > end && x.t0 <= end + 3 && v.tokens.slice(end + 1, x.t0).every((t) => t.pos === "DET" || t.pos === "NOUN" || t.pos === "ADJ"));
          if (m) end = m.t1;
        }
        const text = textOf(v, e, end).replace(/^(?:the|a|an)\s+/i, "");
        // "1859 war: …": a lone "war" is no subject.
        if (!/\s/.test(text)) return;
        const s: Subject = { text, article: true, event: true, defaultVerb: hw.verb, plural: false, via: "description" };
        out.push({ subject: s, prompt: defaultQuestion(s, hw.verb), facet: "", rule: "timeline-description", confidence: 0.7 - approx, dateIndex: di });
      }
    }
  });
  // "2 Mar 1917: Nicholas II abdicates; Provisional Government formed", "… abdicates → Second Republic
  // proclaimed": each clause of a chronology line without a date of its own happened on the line's date.
  if (opts.lineDate && v.dates.length > 0) {
    const line = v.dates[0]!;
    const opens = (x: Token) => x.text === ";" || x.text === "→";
    v.tokens.forEach((t, p) => {
      if (!opens(t) || v.inDate[p] || p < line.t1) return;
      const next = v.tokens.findIndex((x, i) => i > p && opens(x));
      const c1 = next < 0 ? v.tokens.length : next;
      if (v.dates.some((d) => d.t0 > p && d.t0 < c1)) return;
      const vi = v.tokens.findIndex((x, i) => i > p && i < c1 && isVerb(x) && !v.names.some((n) => n.t0 <= i && i < n.t1));
      if (vi < 0) return;
      const fact = verbFact(v, vi, p + 1, c1, line.t0, discourse, opts);
      if (fact) out.push({ ...fact, confidence: fact.confidence - 0.05, dateIndex: 0 });
    });
  }
  return out;
}

/** Facts about one subject are told apart by their verb; the head's default is the plain facet. */
function factFacet(verb: string, defaultVerb: string | undefined): string {
  const norm = (x: string) => x.replace(/(ed|d)$/, "");
  // Making an agreement or body is one fact however the text words it ("formed", "signed", "founded").
  if (!defaultVerb || norm(verb) === norm(defaultVerb) || ["signed", "concluded", "agreed", "formed", "founded", "established", "created", "set up", "fought", "held", "took place", "happened", "occurred"].includes(verb)) return "";
  return verb;
}

/** "had ruled China since 1644" → "Since when had the Qing dynasty ruled China?" */
function sinceFact(v: SentenceView, since: number, discourse: Discourse): Omit<DatedFact, "dateIndex"> | null {
  let vi = since - 1;
  while (vi >= 0 && !isVerb(v.tokens[vi])) vi--;
  const aux = v.tokens[vi - 1];
  if (vi < 0 || !aux || aux.lemma !== "have" || !/(?:ed|en|wn|t)$/.test(v.tokens[vi]!.lower)) return null;
  const s = findSubject(v, vi - 1, clauseBounds(v, vi)[0], discourse).subject;
  if (!s || (s.via !== "name" && s.via !== "description" && s.via !== "definite")) return null;
  const complement = objectText(v, vi + 1, since, discourse);
  if (/\b(?:it|them|this|that)\b/i.test(complement)) return null;
  const prompt = `Since when ${aux.lower} ${subjectText(s)} ${v.tokens[vi]!.lower}${complement ? ` ${complement}` : ""}?`;
  return { subject: { ...s, text: `${s.text} ${v.tokens[vi]!.lower}${complement ? ` ${complement}` : ""}` }, prompt, facet: "since", rule: "since", confidence: 0.65 * VIA_FACTOR[s.via] };
}

/** The subject of the verb at vi (past its auxiliaries): "The Treaty of Paris was signed by …" → the Treaty of Paris. */
export function subjectOfVerb(v: SentenceView, vi: number, discourse: Discourse): Subject | undefined {
  const [c0] = clauseBounds(v, vi);
  let q = vi - 1;
  while (q >= c0 && (isBe(v.tokens[q]) || v.tokens[q]!.pos === "ADV" || v.tokens[q]!.pos === "AUX")) q--;
  return findSubject(v, q + 1, c0, discourse).subject;
}

function verbFact(v: SentenceView, vi: number, c0: number, c1: number, d0: number, discourse: Discourse, opts: FactOptions): Omit<DatedFact, "dateIndex"> | null {
  const rules = v.rules;
  const verb = v.tokens[vi]!;
  // The text's own spelling: "nationalised" asks "nationalise", not the tagger's "nationalize".
  let lemma = /is(?:e|es|ed|ing)$/.test(verb.lower) && /ize$/.test(verb.lemma) ? verb.lemma.replace(/ize$/, "ise") : verb.lemma;
  let particleEnd = vi + 1;
  const next = v.tokens[vi + 1];
  if (next && (next.pos === "ADP" || next.pos === "PART" || next.pos === "NOUN") && rules.intransitiveVerbs.has(`${lemma} ${next.lower}`)) {
    lemma = `${lemma} ${next.lower}`;
    particleEnd = vi + 2;
  } else if (next && v.tokens[vi + 2] && rules.intransitiveVerbs.has(`${lemma} ${next.lower} ${v.tokens[vi + 2]!.lower}`)) {
    lemma = `${lemma} ${next.lower} ${v.tokens[vi + 2]!.lower}`;
    particleEnd = vi + 3;
  }
  // "The Reign of Terror lasted from September 1793 to July 1794": a duration dates the event as a whole.
  const span = v.dates.find((x) => x.t0 > vi && x.shape === "range");
  if (["last", "run", "continue"].includes(verb.lemma) && span && d0 === span.t0) {
    const s = findSubject(v, vi, c0, discourse).subject;
    if (s?.event) return { subject: s, prompt: defaultQuestion(s, s.defaultVerb ?? "took place"), facet: "", rule: "duration", confidence: 0.8 * VIA_FACTOR[s.via] };
  }
  if (rules.nonEventVerbs.has(verb.lemma)) return null;
  // Auxiliaries before the verb: passive, modal, negation.
  let q = vi - 1;
  let passive = false;
  while (q >= c0) {
    const t = v.tokens[q]!;
    if (NEG.has(t.lower) || MODALS.has(t.lower)) return null;
    // "was still largely confined to the coasts": a state of affairs, not an event.
    if (STATIVE.has(t.lower)) return null;
    if (isBe(t)) passive = true;
    else if (!(t.pos === "ADV" || (t.pos === "AUX" && (t.lemma === "have" || t.lemma === "do")))) break;
    q--;
  }
  let found = findSubject(v, q + 1, c0, discourse);
  // "Cortés landed on the Gulf coast … and entered Tenochtitlan on …": the verbs share their subject.
  if (!found.subject && v.tokens[q]?.lower === "and") {
    // ", and reconfirmed 12 December 1943" opens a clause of its own but has no subject: the earlier verb's is meant.
    const floor = v.tokens[q - 1]?.text === "," ? 0 : c0;
    for (let p = q - 1; p >= floor; p--) {
      // "by exiled Czechs": a participle after a preposition or article is an adjective, not the earlier verb.
      const adjectival = ["ADP", "DET"].includes(v.tokens[p - 1]?.pos ?? "");
      if (isVerb(v.tokens[p]) && !adjectival && !v.names.some((n) => n.t0 <= p && p < n.t1)) {
        let a = p - 1;
        while (a >= floor && (isBe(v.tokens[a]) || v.tokens[a]!.pos === "ADV" || v.tokens[a]!.pos === "AUX")) a--;
        found = findSubject(v, a + 1, floor, discourse);
        // "Hidalgo was captured and executed on …": the auxiliary serves both participles.
        if (q === p + 1 && /(?:ed|en|wn)$/.test(verb.lower) && v.tokens.slice(a + 1, p).some(isBe)) passive = true;
        break;
      }
    }
  }
  const afterVerb = v.tokens[particleEnd];
  // ("Haiti declared its independence": a possessive opens an object too.)
  const hasObject = !!afterVerb && !v.inDate[particleEnd] && (["DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"].includes(afterVerb.pos) || ["its", "his", "her", "their", "our"].includes(afterVerb.lower));
  const intransitive = rules.intransitiveVerbs.has(lemma);
  // Reduced passive ("Treaty of Rome signed by …", "ASEAN founded on …"): in note and chronology
  // fragments, before "by", or as a participle after a comma. In full prose "X voted" is active.
  const participleLike = /(?:ed|en|wn|ght|t)$/.test(verb.lower);
  const thatClause = afterVerb?.pos === "SCONJ" || afterVerb?.lower === "that";
  // Notes: "Bismarck appointed Minister President of Prussia, Sept 1862" reads as a passive.
  // (But "Haiti declared its independence" has an object of its own.)
  if (!passive && opts.line && ROLE_VERBS.has(verb.lemma) && /ed$/.test(verb.lower) && found.subject && !found.subject.event && !["its", "his", "her", "their", "our"].includes(afterVerb?.lower ?? "")) passive = true;
  // "North German Confederation set up 1867": the particle belongs to the participle.
  if (!passive && opts.line && afterVerb && ["up", "out", "off", "down"].includes(afterVerb.lower) && (v.inDate[particleEnd + 1] || !v.tokens[particleEnd + 1])) {
    particleEnd++;
    passive = true;
  }
  // A participle after a comma is a passive only in an enclosed phrase (", signed in 1920, …"); "Hyperinflation, …, peaked in 1923." is active.
  const enclosed = v.tokens[vi - 1]?.text === "," && v.tokens.slice(vi + 1, c1).some((t, i) => t.text === "," && !v.inDate[vi + 1 + i]);
  // "6th March 1957: Ghana, led by Kwame Nkrumah, becomes …": an enclosed "led by …" without the date in it
  // describes its name; the sentence's own verb after it carries the date.
  const closing = enclosed ? v.tokens.findIndex((t, i) => i > vi && t.text === "," && !v.inDate[i]) : -1;
  if (enclosed && afterVerb?.lower === "by" && !(d0 > vi && d0 < closing) && v.tokens.slice(closing + 1, c1).some((t) => t.pos === "VERB" || t.pos === "AUX")) return null;
  if (!passive && !hasObject && !intransitive && !thatClause && participleLike && (opts.line || afterVerb?.lower === "by" || enclosed)) passive = true;

  // "the Treaty of Whampoa, which France and China signed on …": the relative pronoun is the object.
  if (!passive && found.actors && SIGN_OBJECT.has(verb.lemma) && !hasObject) {
    let r = found.actors[0]!.t0 - 1;
    if (v.tokens[r]?.lower === "the") r--;
    if (RELATIVE.has(v.tokens[r]?.lower ?? "")) {
      let a = r - 1;
      if (v.tokens[a]?.text === ",") a--;
      const antecedent = nameEndingAt(v, a);
      if (antecedent?.head) return signObject(subjectFromName(antecedent), verb, found.actors, 0.85);
    }
  }

  if (passive) {
    if (!found.subject) return null;
    const s = found.subject;
    // "It was signed on 29 August 1842" after a sentence about a war: a war is fought, not signed, so
    // "it" is not the war (and a referent that cannot be signed is no answer at all).
    if ((s.via === "pronoun" || s.via === "definite") && s.event && v.rules.signVerbs.has(verb.lemma) && ["fought", "took place"].includes(s.defaultVerb ?? "")) return null;
    const participle = textOf(v, vi, particleEnd).toLowerCase();
    const conf = (s.event ? 0.9 : 0.8) * VIA_FACTOR[s.via];
    // "Pedro is crowned Emperor of Brazil": a name right after the participle completes it.
    let roleAt = particleEnd;
    if (v.tokens[roleAt]?.pos === "ADP" && v.tokens[roleAt + 1]?.lower === "as") roleAt++;
    if (v.tokens[roleAt]?.lower === "as") roleAt++;
    if (v.tokens[roleAt]?.lower === "the") roleAt++;
    // "sworn in as Viceroy", "crowned Emperor of Brazil", "elected president"
    const role = v.names.find((n) => n.t0 === roleAt && !v.inDate[n.t0]);
    const office = !role && ROLE_VERBS.has(verb.lemma) && v.tokens[roleAt]?.pos === "NOUN" && !v.inDate[roleAt] ? roleAt + 1 : 0;
    // "Egypt was suspended from the Arab League": a person or state acted on is asked with where from or to.
    const from = !role && !office && !s.event && ["from", "to", "into"].includes(v.tokens[particleEnd]?.lower ?? "") ? v.names.find((n) => (n.t0 === particleEnd + 1 || (n.t0 === particleEnd + 2 && v.tokens[particleEnd + 1]?.lower === "the")) && !v.inDate[n.t0]) : undefined;
    const tail = role && !s.event ? ` ${textOf(v, particleEnd, role.t1)}` : office && !s.event ? ` ${textOf(v, particleEnd, office)}` : from ? ` ${textOf(v, particleEnd, from.t1)}` : "";
    return {
      subject: tail ? { ...s, text: `${s.text} ${participle}${tail}` } : s,
      prompt: `When ${s.plural ? "were" : "was"} ${subjectText(s)} ${participle}${tail}?`,
      facet: factFacet(participle, s.defaultVerb),
      rule: `passive-${s.via}`,
      confidence: conf,
      verb: participle,
    };
  }

  // The agreement as object: "Germany and Japan signed the Anti-Comintern Pact", "… ratified the treaty", "they signed a secret treaty of alliance", "Portugal ratified it".
  const objEnd = d0 > vi ? d0 : c1;
  if (hasObject && SIGN_OBJECT.has(verb.lemma)) {
    const objName = v.names.find((n) => n.t0 >= particleEnd && n.t0 <= particleEnd + 1 && n.head && n.t1 <= objEnd);
    const det = v.tokens[particleEnd]!;
    const ofFollows = v.tokens[particleEnd + 2]?.lower === "of";
    const objRef = !objName && det.lower === "the" && v.tokens[particleEnd + 1] && !ofFollows ? discourse.definite(v.tokens[particleEnd + 1]!.lower) : null;
    const earlier = [...v.names].reverse().find((n) => n.t1 <= vi && n.head);
    // "he proclaimed it the Congo Free State": the name after "it" is what was proclaimed.
    const complementName = det.lower === "it" ? v.names.find((n) => n.t0 >= particleEnd + 1 && n.t0 <= particleEnd + 2 && n.t1 <= objEnd) : undefined;
    if (complementName) return signObject(subjectFromName(complementName), verb, [], 0.8);
    const itRef = !objName && det.lower === "it" ? (earlier ? { text: earlier.text, article: earlier.article || true, head: earlier.head! } : discourse.pronoun()) : null;
    let os: Subject | null = objName ? subjectFromName(objName) : objRef ? subjectFromReferent(objRef, "definite") : itRef ? subjectFromReferent(itRef, "pronoun") : null;
    if (!os && (det.lower === "a" || det.lower === "an" || det.lower === "the")) {
      // "a secret treaty of alliance": an agreement described, not named.
      let h = particleEnd + 1;
      while (h < objEnd && (v.tokens[h]!.pos === "ADJ" || v.tokens[h]!.pos === "NOUN") && !v.rules.heads.has(v.tokens[h]!.lower)) h++;
      const head = v.tokens[h];
      const hw = head ? v.rules.heads.get(head.lower) : undefined;
      const proclaimed = ["proclaim", "declare", "announce", "order", "decree"].includes(verb.lemma);
      if (hw && (hw.class === "agreement" || hw.class === "declaration" || hw.class === "law" || (proclaimed && hw.class !== "organisation"))) {
        const np = nounPhraseEndingAt(v, v.tokens[h + 1]?.lower === "of" && v.tokens[h + 2] && !v.inDate[h + 2] ? h + 2 : h, particleEnd + 1);
        // "an agreement" alone says nothing; "a secret treaty of alliance" does.
        if (np && np.t1 - np.t0 >= 2) os = { text: np.text, article: true, event: true, defaultVerb: hw.verb, plural: false, via: "description" };
      }
    }
    const actors = found.actors ?? [];
    // "Castile ratified the Treaty of Tordesillas on 2 July 1494, and Portugal ratified it on 5 September": one party's own act.
    if (os && actors.length === 1 && found.subject?.via === "name" && ["ratify", "join", "accede", "denounce", "repudiate"].includes(verb.lemma)) {
      const a = subjectText(found.subject);
      const o = subjectText(os);
      return { subject: { ...found.subject, text: `${found.subject.text} ${verb.lower} ${o}`, event: false }, prompt: `When did ${a} ${verb.lemma} ${o}?`, facet: "", rule: "actor-sign", confidence: 0.8 };
    }
    if (os) return signObject(os, verb, actors, 0.9 * VIA_FACTOR[os.via]);
  }

  // "William of Normandy defeats Harold II at the Battle of Hastings": the battle is what the date is about,
  // whoever the subject is ("the sultan destroyed the army … at the Battle of Hattin").
  const atEvent = hasObject ? v.names.find((n) => n.t0 > vi && n.t1 <= objEnd && n.head && ["battle", "war", "meeting"].includes(n.head.class) && ["at", "in", "during"].includes((v.tokens[n.t0 - 1]?.lower === "the" ? v.tokens[n.t0 - 2] : v.tokens[n.t0 - 1])?.lower ?? "")) : undefined;
  if (atEvent) {
    const es = subjectFromName(atEvent);
    return { subject: es, prompt: defaultQuestion(es, atEvent.head!.verb), facet: "", rule: "event-in-clause", confidence: 0.8 };
  }
  if (!found.subject) return null;
  const s = found.subject;
  const complement = objectText(v, particleEnd, objEnd, discourse);
  const words = complement ? complement.split(" ").length : 0;
  // "reach its coast": a pronoun the question cannot resolve ("his army" after "Cornwallis" reads fine).
  // ("annex the territory", "march on the capital": a definite common noun the question cannot resolve either.)
  // (A possessive reads as the subject's own: "declares its independence", "reached its climax".)
  const vague = /\b(?:it|them|him|her|this|that|these|those)\b/i.test(complement) || /^(?:\p{Ll}+\s)?the\s\p{Ll}+$/u.test(complement);
  // "The Second Treaty of Paris followed on 20 November 1815": a verb that only places the event in time.
  if (!hasObject && s.event && s.defaultVerb && WEAK_VERBS.has(lemma)) {
    return { subject: s, prompt: defaultQuestion(s, s.defaultVerb), facet: "", rule: `weak-verb-${s.via}`, confidence: 0.8 * VIA_FACTOR[s.via] };
  }
  if (!hasObject) {
    if (!s.event && !intransitive && !complement) return null;
    if (!s.event && s.via !== "name" && s.via !== "title" && s.via !== "pronoun" && s.via !== "definite") return null;
    // "When did the Continental Congress vote for independence?", "When did Perry arrive in Edo Bay?"
    const tail = complement && words <= 8 && !vague ? ` ${complement}` : "";
    // "When did the Anglo-French army march?" says too little once "on the capital" is left out.
    const conf = (s.event ? 0.85 : vague ? 0.5 : 0.75) * VIA_FACTOR[s.via];
    const actors = !s.event && found.actors && found.actors.length > 1 ? found.actors.map((a) => withArticle(a)).join(", ").replace(/, ([^,]+)$/, " and $1") : null;
    return {
      subject: tail ? { ...s, text: `${actors ?? s.text} ${textOf(v, vi, particleEnd)}${tail}` } : s,
      prompt: `When did ${actors ?? subjectText(s)} ${lemma}${tail}?`,
      // A person's acts are facts of their own ("died", "abdicated"); an event's verbs may restate its default.
      facet: s.event ? factFacet(lemma, s.defaultVerb && s.defaultVerb === "took place" ? "take place" : s.defaultVerb) : lemma,
      rule: `intransitive-${s.via}`,
      confidence: conf,
    };
  }
  // An actor's dated act: "Germany joined the League of Nations", "Hitler became Chancellor".
  if (!complement || (s.via !== "name" && s.via !== "title" && !((s.via === "pronoun" || s.via === "definite") && !s.event)) || words > 8) return null;
  // "Spain and Portugal joined …": all the actors, not the last one.
  const actors = found.actors && found.actors.length > 1 ? found.actors.map((a) => withArticle(a)).join(", ").replace(/, ([^,]+)$/, " and $1") : null;
  const who = actors ?? subjectText(s);
  return {
    subject: { ...s, text: `${actors ?? s.text} ${textOf(v, vi, particleEnd)} ${complement}`.replace(/\s+/g, " "), article: actors ? false : s.article },
    prompt: `When did ${who} ${lemma} ${complement}?`,
    facet: "",
    rule: "actor-verb",
    confidence: vague ? 0.5 : words > 5 ? 0.65 : 0.75,
  };
}

function signObject(os: Subject, verb: Token, actors: readonly Name[], confidence: number): Omit<DatedFact, "dateIndex"> {
  const participle = pastParticiple(verb);
  return { subject: os, prompt: defaultQuestion(os, participle), facet: factFacet(participle, os.defaultVerb), rule: "sign-object", confidence, actors: actors.map((a) => a.text), verb: participle };
}

/** "signed" → "signed", "signs" → "signed" (regular verbs; irregular ones keep the text). */
function pastParticiple(t: Token): string {
  if (/ed$/.test(t.lower)) return t.lower;
  if (t.lemma.endsWith("e")) return `${t.lemma}d`;
  return `${t.lemma}ed`;
}

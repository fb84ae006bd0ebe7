import { datePrompt, headType } from "./agreements";
import type { Candidate, SentenceContext } from "./candidate";
import { collapse } from "./clean";
import { findDates, type DateMatch } from "./dates";
import { displayName } from "./entities";
import { phraseSource } from "./phrases";
import { nameAt, nameBefore, rewriteAliases } from "./parties";
import type { RuleSet } from "./rules";

/**
 * Dated events in prose. Each pattern needs the date to be grammatically
 * attached to a named subject; a date that merely occurs in a sentence is not
 * enough (that is how "In 1939 it recovered the territory it had lost to
 * Poland in the Treaty of Riga" does NOT become a Treaty-of-Riga card).
 *
 *  - "the 1926 Treaty of Berlin", "the March 1938 Anschluss of Austria"
 *  - "the October Revolution, 1917" / "the Russian Civil War (1917–1922)"
 *  - "the death of Lenin in 1924", "Lenin's death in 1924"
 *  - "In 1922 the X was established", "the X was founded in 1955"
 *  - "The USSR ... formally ceased to exist in 1991" (known party + verb from events.json)
 */

interface Compiled {
  nounRe: RegExp;
  possessiveRe: RegExp;
  passiveAfter: RegExp;
  passiveBefore: RegExp;
  active: RegExp;
  nouns: Map<string, string>;
  passive: Map<string, string>;
  activeBase: Map<string, string>;
}

const cache = new WeakMap<RuleSet, Compiled>();

function compiled(rules: RuleSet): Compiled {
  const hit = cache.get(rules);
  if (hit) return hit;
  const ev = rules.data.events;
  const nouns = ev.eventNouns.map((n) => phraseSource(n.noun)).join("|") || "(?!)";
  const past = ev.passiveVerbs.map((v) => phraseSource(v.past)).join("|") || "(?!)";
  const forms = [...ev.activeVerbs].sort((a, b) => b.form.length - a.form.length).map((v) => phraseSource(v.form)).join("|") || "(?!)";
  const c: Compiled = {
    nounRe: new RegExp(`\\bthe\\s+(${nouns})\\s+of\\s+`, "giu"),
    possessiveRe: new RegExp(`(\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,3})['’]s\\s+(${nouns})\\s*,?\\s*(?:in|on)?\\s*$`, "u"),
    passiveAfter: new RegExp(`\\s+(?:was|were)\\s+(?:(\\p{L}+ly)\\s+)?(${past})\\s+(?:in|on)\\s*$`, "iu"),
    passiveBefore: new RegExp(`^\\s+(?:was|were)\\s+(?:(\\p{L}+ly)\\s+)?(${past})\\b`, "iu"),
    active: new RegExp(`(?<![\\p{L}])(${forms})(?![\\p{L}])`, "giu"),
    nouns: new Map(ev.eventNouns.map((n) => [n.noun.toLowerCase(), n.prompt])),
    passive: new Map(ev.passiveVerbs.map((v) => [v.past.toLowerCase(), v.noun])),
    activeBase: new Map(ev.activeVerbs.map((v) => [v.form.toLowerCase().replace(/\s+/g, " "), v.base])),
  };
  cache.set(rules, c);
  return c;
}

const wordsIn = (s: string): number => s.split(/\s+/).filter(Boolean).length;
const ACRONYM_TAIL = /\s*\([^()]{1,20}\)\s*$/;

/** How a name appears in a prompt: canonical for informal aliases, otherwise as written. */
function promptName(name: string, hadThe: boolean, rules: RuleSet): string {
  const hit = rules.gazetteer.lookup(name);
  if (hit?.rewrite) return displayName(hit.entity);
  return hadThe ? `the ${name}` : name;
}

export function eventCandidates(ctx: SentenceContext): Candidate[] {
  const { clean, sentence, rules, unit } = ctx;
  const c = compiled(rules);
  const s0 = sentence.start;
  const slice = clean.slice(s0, sentence.end);
  const out: Candidate[] = [];
  const firstOfItem = unit.kind === "item" && ctx.index === 0;
  for (const rel of findDates(slice)) {
    const d: DateMatch = { ...rel, start: rel.start + s0, end: rel.end + s0 };
    const before = clean.slice(Math.max(s0, d.start - 200), d.start);
    const push = (subject: string, prompt: string) =>
      out.push({ kind: "date", subject: collapse(subject), prompt: collapse(prompt), answer: d.answer, date: d.date, quote: sentence });

    // "the 1926 Treaty of Berlin"
    if (/\bthe\s+$/i.test(before)) {
      const n = nameAt(clean, d.end + (/^\s*/.exec(clean.slice(d.end))?.[0].length ?? 0), sentence.end);
      const type = n ? headType(n.name, rules) : null;
      if (n && type && wordsIn(n.name) >= 2) push(n.name, datePrompt(n.name, type));
    }

    // "the October Revolution, 1917" (prose only: list items have their own reading)
    if (!firstOfItem && /(?:,|\()\s*$/.test(before) && /^\s*(?:[,.;)]|$)/.test(clean.slice(d.end, d.end + 3))) {
      const n = nameBefore(clean, d.start - (/[\s,(]*$/.exec(before)?.[0].length ?? 0), s0);
      const type = n ? headType(n.name, rules) : null;
      if (n && type && wordsIn(n.name) >= 2) push(n.name, datePrompt(n.name, type));
    }

    // "The Treaty of Berlin, signed on April 24, 1926, ..."
    const signed = /,\s*(?:signed|concluded)(?:\s+(?:at|in)\s+\p{Lu}[\p{L}-]*)?\s*,?\s*(?:on|in)?\s*$/iu.exec(before);
    if (!firstOfItem && signed) {
      const n = nameBefore(clean, d.start - before.length + signed.index, s0);
      const type = n ? headType(n.name, rules) : null;
      if (n && type && type !== "event" && wordsIn(n.name) >= 2) push(n.name, datePrompt(n.name, type));
    }

    // "the death of Lenin in 1924"
    c.nounRe.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = c.nounRe.exec(before); m; m = c.nounRe.exec(before)) last = m;
    if (last) {
      const at = d.start - before.length + last.index + last[0].length;
      const n = nameAt(clean, at, d.start);
      if (n && /^\s*,?\s*(?:in|on)?\s*$/i.test(clean.slice(n.end, d.start))) {
        const noun = (last[1] ?? "").toLowerCase();
        const hadThe = /^the\s/i.test(clean.slice(at, n.end));
        const x = promptName(n.name, hadThe, rules);
        const template = c.nouns.get(noun);
        if (template) push(`${noun} of ${x}`, template.replace("{x}", x));
      }
    } else {
      const pm = c.possessiveRe.exec(before);
      if (pm?.[1] && pm[2]) {
        const noun = pm[2].toLowerCase();
        const x = promptName(pm[1], false, rules);
        const template = c.nouns.get(noun);
        if (template) push(`${noun} of ${x}`, template.replace("{x}", x));
      }
    }

    // "the Warsaw Pact was established in 1955"
    const pa = c.passiveAfter.exec(before);
    if (pa) {
      const upto = d.start - before.length + pa.index;
      const head = clean.slice(s0, upto).replace(ACRONYM_TAIL, "");
      const n = nameBefore(head, head.length, 0);
      const verb = (pa[2] ?? "").toLowerCase();
      if (n) passive(n.name, n.hadThe, verb, pa[1]);
    }
    // "In 1922 the Union of Soviet Socialist Republics (USSR) was established"
    if (/(?:^|[^\p{L}])in\s*$/iu.test(before)) {
      const after = /^\s*,?\s*/.exec(clean.slice(d.end))?.[0].length ?? 0;
      const n = nameAt(clean, d.end + after, sentence.end);
      if (n) {
        const rest = clean.slice(n.end, Math.min(sentence.end, n.end + 80)).replace(/^\s*\([^()]{1,20}\)/, "");
        const pb = c.passiveBefore.exec(rest);
        const hadThe = /^the\s/i.test(clean.slice(d.end + after, n.end));
        if (pb) passive(n.name, hadThe, (pb[2] ?? "").toLowerCase(), pb[1]);
      }
    }

    // "The USSR eventually broke down and formally ceased to exist in 1991"
    active(d);

    function passive(name: string, hadThe: boolean, verb: string, adverb: string | undefined) {
      if (/^(?:in|on|after|before|during|by)$/i.test(name)) return;
      const noun = c.passive.get(verb);
      if (!noun) return;
      // "The Treaty of Rapallo was signed on ...": same subject as the list reading.
      const type = headType(name, rules);
      if ((verb === "signed" || verb === "concluded") && type && type !== "event") {
        push(name, datePrompt(name, type));
        return;
      }
      const x = promptName(name, hadThe, rules);
      push(`${noun} of ${x}`, `When was ${x} ${adverb ? `${adverb} ` : ""}${verb}?`);
    }
  }
  return out;

  function active(d: DateMatch) {
    let p = s0;
    while (p < sentence.end && /\s/.test(clean[p] ?? "")) p++;
    const em = rules.gazetteer.matchAt(clean, p);
    if (!em || em.end > d.start) return;
    const mid = clean.slice(em.end, d.start);
    if (!/(?:,|\s(?:in|on))\s*$/i.test(mid)) return;
    c.active.lastIndex = 0;
    let v: RegExpExecArray | null = null;
    for (let m = c.active.exec(mid); m; m = c.active.exec(mid)) v = m;
    if (!v) return;
    const prefix = mid.slice(0, v.index);
    if (/[,;]|\b(?:which|that|who|whom)\b/i.test(prefix) || wordsIn(prefix) > 8) return;
    const adverb = /(\p{L}+ly)\s+$/u.exec(prefix)?.[1];
    const obj = rewriteAliases(mid.slice(v.index + v[0].length).replace(/(?:,|\s+(?:in|on))\s*$/i, ""), rules.gazetteer);
    if (wordsIn(obj) > 14) return;
    const base = c.activeBase.get(v[0].toLowerCase().replace(/\s+/g, " "));
    if (!base) return;
    const written = collapse(clean.slice(em.start, em.end)).replace(/^The\s/, "the ");
    const name = em.rewrite ? displayName(em.entity) : em.entity.article && !/^the\s/i.test(written) ? `the ${written}` : written;
    const subject = `${name.replace(/^the\s/i, "")} ${v[0].toLowerCase()}${obj ? ` ${obj}` : ""}`;
    const prompt = `When did ${name} ${adverb ? `${adverb} ` : ""}${base}${obj ? ` ${obj}` : ""}?`;
    out.push({ kind: "date", subject: collapse(subject), prompt: collapse(prompt), answer: d.answer, date: d.date, quote: sentence });
  }
}


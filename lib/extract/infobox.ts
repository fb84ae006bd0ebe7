import { datePrompt, headType, partiesCard, withArticle } from "./agreements";
import type { Candidate, SentenceContext } from "./candidate";
import { collapse } from "./clean";
import { findDates } from "./dates";
import { normaliseParties, parseList, rewriteAliases } from "./parties";

/**
 * Infobox-style fields under a title:
 *   Treaty of Tartu
 *   Date signed: 1920-02-02
 *   Parties: Estonia, Soviet Russia
 * The keys and their wording live in content/rules/events.json (infobox).
 */
export function infoboxCandidates(ctx: SentenceContext): Candidate[] {
  const { unit, clean, rules, title } = ctx;
  if (unit.kind !== "field" || !unit.key || unit.valueStart === undefined || !title) return [];
  const subject = rewriteAliases(title, rules.gazetteer);
  const quote = { start: unit.start, end: unit.end };
  const valueStart = unit.valueStart;
  const value = clean.slice(valueStart, unit.end);

  const dateKey = rules.infoboxDates.get(unit.key);
  if (dateKey) {
    const d = findDates(value)[0];
    if (!d) return [];
    const type = headType(subject, rules) ?? "agreement";
    if (dateKey.verb === "signed" && type !== "event") {
      return [{ kind: "date", subject, prompt: datePrompt(subject, type), answer: d.answer, date: d.date, quote }];
    }
    const subj = dateKey.noun ? `${dateKey.noun} of ${withArticle(subject)}` : subject;
    return [{ kind: "date", subject: collapse(subj), prompt: `When was ${withArticle(subject)} ${dateKey.verb}?`, answer: d.answer, date: d.date, quote }];
  }

  if (rules.infoboxParties.has(unit.key)) {
    const list = parseList(clean, valueStart, unit.end, rules.gazetteer, true);
    if (!list) return [];
    const norm = normaliseParties(list.parties, rules.gazetteer, ctx.contextYear);
    if (norm.names.length < 2) return [];
    return [partiesCard(subject, headType(subject, rules), norm, quote)];
  }
  return [];
}

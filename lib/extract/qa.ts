import type { Candidate } from "./candidate";
import { collapse } from "./clean";
import type { DateMatch } from "./dates";
import type { Span } from "./types";

/**
 * A fact sheet's question and answer: "Q: When was the Battle of Hastings
 * fought? / A: On 14 October 1066." The teacher's own question is the prompt;
 * the answer's date (or definition) is the answer; the quote spans both lines.
 */

export interface Question {
  /** The question as written, without "Q:". */
  text: string;
  span: Span;
  /** The name it asks about ("Battle of Hastings"), if any. */
  subject: string | null;
  /** The "When …?" question for that name, for questions asked another way ("How long did … last?"). */
  when?: string;
}

export function answerCard(q: Question, answer: { text: string; span: Span; dates: readonly DateMatch[] }): Candidate | null {
  const quote = { start: q.span.start, end: answer.span.end };
  const question = collapse(q.text);
  if (!/\?$/.test(question)) return null;
  // "When …?", "In which year …?", "How long did the Hundred Years' War last?" (answered with a range).
  if (/^(?:When|In (?:which|what) year|What year|How long)\b/i.test(question)) {
    const d = answer.dates[0];
    if (!d || !q.subject) return null;
    if (/^How long/i.test(question) && d.shape !== "range") return null;
    const prompt = /^How long/i.test(question) ? (q.when ?? question) : question;
    return { kind: "date", subject: q.subject, prompt, answer: d.answer, date: d.date, quote, confidence: 0.85, rule: "question-answer" };
  }
  // "What does SDLP stand for? – Social Democratic and Labour Party", "What does decommissioning mean? – Putting …"
  const means = /^What (?:does|did) (?:the )?(.{2,60}?) (?:stand for|mean)\?$/i.exec(question);
  if (means) {
    const term = means[1]!.trim();
    const def = collapse(answer.text).split(/(?<=\.)\s/)[0]!.replace(/\.$/, "");
    if (def.split(" ").length < 2) return null;
    return { kind: "term", subject: term, prompt: question, answer: def, term, definition: def, quote, confidence: 0.8, rule: "question-answer" };
  }
  const what = /^What (?:is|was|were|are) (?:the |a |an )?(.{2,60})\?$/i.exec(question);
  if (what) {
    const term = what[1]!.trim();
    // "What is its other name?" asks about something the question does not name.
    if (/^(?:its|his|her|their|this|that|these|those|it)\b/i.test(term)) return null;
    // "A survey of land …" or "Feudalism is the system in which …"
    const first = collapse(answer.text).split(/(?<=\.)\s/)[0]!.replace(/\.$/, "");
    const def = first.replace(new RegExp(`^(?:the\\s+)?${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+(?:is|was|are|were)\\s+`, "i"), "");
    if (!/^(?:a|an|the)\s/i.test(def) || def.split(" ").length < 3) return null;
    return { kind: "term", subject: term, prompt: question, answer: def, term, definition: def, quote, confidence: 0.8, rule: "question-answer" };
  }
  return null;
}

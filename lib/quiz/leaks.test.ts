import { describe, expect, it } from "vitest";
import { conflicts, exposureOf, revealsItself } from "./leaks";
import type { QuestionDraft, QuizCard } from "./types";

const cards: QuizCard[] = [
  { id: "d", kind: "DATE", subject: "Anglo-Soviet Trade Agreement", prompt: "When was the Anglo-Soviet Trade Agreement signed?", answer: "16 March 1921", data: { date: { year: 1921, month: 3, day: 16 } } },
  { id: "p", kind: "PARTIES", subject: "Trade Agreement 1921", prompt: "Which states concluded the Trade Agreement (16 March 1921)?", answer: "x", data: { parties: ["United Kingdom", "Soviet Union"] } },
  { id: "q", kind: "PARTIES", subject: "Treaty of Rapallo", prompt: "Which states concluded the Treaty of Rapallo?", answer: "x", data: { parties: ["Germany", "Soviet Union"] } },
  { id: "t", kind: "TERM", subject: "USSR", prompt: "What does USSR stand for?", answer: "Union of Soviet Socialist Republics", data: { term: "USSR", definition: "Union of Soviet Socialist Republics" } },
  { id: "e", kind: "DATE", subject: "Founding", prompt: "When was the Union of Soviet Socialist Republics established?", answer: "1922", data: { date: { year: 1922 } } },
  { id: "r", kind: "DATE", subject: "Treaty of Rapallo", prompt: "When was it signed?", answer: "16 April 1922", data: { date: { year: 1922, month: 4, day: 16 } } },
];
const byId = new Map(cards.map((c) => [c.id, c]));
const single = (id: string, prompt = byId.get(id)!.prompt): QuestionDraft => ({ type: "typed-year", cardId: id, prompt, payload: {}, key: { year: 0 } });
const exposure = (id: string) => exposureOf(single(id), byId);

describe("leaks between questions", () => {
  it("a prompt stating another card's date conflicts with it, whatever the subjects", () => {
    expect(conflicts(exposure("p"), exposure("d"))).toBe(true);
    expect(conflicts(exposure("d"), exposure("p"))).toBe(true);
  });

  it("a prompt stating a term's definition conflicts with the term question", () => {
    expect(conflicts(exposure("e"), exposure("t"))).toBe(true);
  });

  it("two questions on one subject conflict", () => {
    expect(conflicts(exposure("q"), exposure("r"))).toBe(true);
  });

  it("unrelated questions do not, and party names are not matched as text", () => {
    expect(conflicts(exposure("q"), exposure("d"))).toBe(false);
    expect(conflicts(exposure("t"), exposure("q"))).toBe(false);
  });

  it("chronology labels count as shown text", () => {
    const chrono: QuestionDraft = {
      type: "chronology",
      cardId: null,
      prompt: "Put these events in order, earliest first",
      payload: { items: ["d", "e", "r", "q"].map((id) => ({ id, label: id === "q" ? "Treaty of Rapallo" : byId.get(id)!.subject })) },
      key: { order: ["d", "e", "r", "q"] },
    };
    expect(conflicts(exposureOf(chrono, byId), exposure("p"))).toBe(true);
    expect(revealsItself(exposureOf(chrono, byId))).toBe(false);
  });

  it("a prompt stating its own answer reveals itself", () => {
    const self: QuizCard = { ...cards[0]!, id: "s", subject: "S", prompt: "The agreement of 16 March 1921 was signed when?" };
    expect(revealsItself(exposureOf(single("s", self.prompt), new Map([["s", self]])))).toBe(true);
    expect(revealsItself(exposure("d"))).toBe(false);
  });
});

import type { SentenceView } from "./view";

/**
 * Who holds an office the text later names by its title alone: "Leopold II, King of the Belgians"
 * or "King Leopold II" or "Bismarck became Chancellor" (or "he became the first Chancellor") lets
 * "the king" and "the chancellor" stand for that person in what follows ("The king died in December 1909").
 */
export function officeHolders(v: SentenceView, offices: ReadonlySet<string>, he: string | null): [office: string, person: string, foreign: boolean][] {
  const out: [string, string, boolean][] = [];
  // "In 1871 he became the first Chancellor": the person "he" stands for.
  const pronoun = he ? v.tokens.findIndex((t) => t.lower === "he" || t.lower === "she") : -1;
  const taken = pronoun >= 0 ? officeTakenAt(v, pronoun + 1, offices) : null;
  if (taken && he) out.push([taken, he, false]);
  for (const n of v.names) {
    if (n.head) continue;
    const first = n.text.split(" ")[0]!.toLowerCase();
    // "King Leopold II", "Emperor Menelik II": the title is part of the name.
    // ("King of the Belgians" is the office itself, not a holder.)
    // ("King Frederick William II of Prussia" in a history of France is another realm's king: "the king"
    // stays the one already named, and means him only if no king was named before.)
    if (offices.has(first) && n.text.includes(" ")) {
      if (/^\S+ of\b/.test(n.text)) continue;
      out.push([first, n.text, /\sof\s/.test(n.text)]);
      continue;
    }
    // "Leopold II, King of the Belgians", "Bismarck, the chancellor,"
    if (v.tokens[n.t1]?.text === ",") {
      let i = n.t1 + 1;
      if (["the", "a", "an"].includes(v.tokens[i]?.lower ?? "")) i++;
      const office = v.tokens[i]?.lower;
      if (office && offices.has(office)) {
        out.push([office, n.text, false]);
        continue;
      }
    }
    // "Bismarck became Chancellor", "William was crowned king"
    const office = officeTakenAt(v, n.t1, offices);
    if (office) out.push([office, n.text, false]);
  }
  return out;
}

/** The office in "became the first Chancellor", "was crowned king", "was elected as president" from token i. */
function officeTakenAt(v: SentenceView, start: number, offices: ReadonlySet<string>): string | null {
  let i = start;
  if (v.tokens[i]?.lemma === "be") i++;
  if (!["become", "crown", "elect", "proclaim", "appoint", "name"].includes(v.tokens[i]?.lemma ?? "")) return null;
  i++;
  if (v.tokens[i]?.lower === "as") i++;
  if (["the", "a", "an"].includes(v.tokens[i]?.lower ?? "")) i++;
  if (["first", "new", "last", "sole"].includes(v.tokens[i]?.lower ?? "")) i++;
  const office = v.tokens[i]?.lower;
  return office && offices.has(office) ? office : null;
}

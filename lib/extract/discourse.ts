import type { Name } from "./names";
import type { HeadWord, RuleSet } from "./rules";

/**
 * What "the treaty", "the pact", "the conference" or "it" refers to: the
 * nearest earlier event name of a compatible class (the class of its head
 * word), or the document's title. "It" is resolved only to the event that was
 * the subject of the previous sentence, never guessed across a change of subject.
 */

/** Nouns that name any member of their class: "the treaty", "the war", "the Revolution". */
export const GENERIC_HEADS = new Set(["treaty", "agreement", "pact", "accord", "alliance", "war", "conference", "congress", "talks", "negotiations", "battle", "act", "law", "declaration", "organisation", "organization", "union", "revolution", "uprising", "rebellion", "revolt"]);

export interface Referent {
  text: string;
  article: boolean;
  head: HeadWord & { word: string };
}

export class Discourse {
  private recent: Referent[] = [];
  private lastSubject: Referent | null = null;

  constructor(private readonly rules: RuleSet) {}

  /** Names mentioned, in order: event names become candidate referents. */
  mention(names: readonly Name[]): void {
    for (const n of names) if (n.head) this.recent.push({ text: n.text, article: n.article || !!n.head, head: n.head });
    if (this.recent.length > 50) this.recent.splice(0, this.recent.length - 50);
  }

  private person: { text: string; age: number; personLike: boolean } | null = null;
  private title: Referent | null = null;

  /** The event the document's title names ("Treaty of Lausanne"). */
  setTitle(r: Referent): void {
    this.title ??= r;
  }

  /** A sentence that opens with a person's name ("Napoleon abdicated …") makes it what "he" or "she" means next. */
  setPerson(text: string | null, personLike = false): void {
    if (text) {
      // "Napoleon landed in France. King Louis XVIII fled to Ghent. On 18 June he was defeated …": with two
      // people in play, "he" is not guessed. (A state named between them is no rival: "Egypt was suspended …")
      const previous = this.person;
      this.rival = previous && previous.text !== text && previous.age === 0 && (personLike || previous.personLike) ? previous.text : null;
      this.person = { text, age: 0, personLike };
    } else if (this.person && ++this.person.age > 1) {
      this.person = null;
      this.rival = null;
    }
  }

  private rival: string | null = null;

  /** "As a young man he accompanied …": a sentence whose subject is "he" or "she" keeps that person in play. */
  refreshPerson(): void {
    if (this.person) this.person.age = 0;
  }

  private holders = new Map<string, string>();

  /** "Leopold II, King of the Belgians": who "the king" is from now on (until another king is named). */
  holdsOffice(office: string, person: string): void {
    this.holders.set(office, person);
  }

  /** "the king" → the person last named as king, if any. */
  officeHolder(office: string): string | null {
    return this.holders.get(office) ?? null;
  }

  private section: { text: string; noun: string } | null = null;

  /** A heading naming a thing ("Rosetta Stone (cast)" over a museum label): "the stone" below means it. */
  setSection(name: string | null): void {
    const noun = name?.split(" ").pop()?.toLowerCase();
    this.section = name && noun ? { text: name, noun } : null;
  }

  /** "the stone", "this stone" → the thing the current heading names, if its last word is that noun. */
  sectionThing(noun: string): string | null {
    const word = noun.toLowerCase();
    return this.section && (this.section.noun === word || this.section.noun === `${word}s`) ? this.section.text : null;
  }

  private aliases = new Map<string, Referent>();

  /** "the Kellogg–Briand Pact, officially the General Treaty for …": the second name means the first. */
  alias(other: string, r: Referent): void {
    if (other !== r.text) this.aliases.set(other, r);
  }

  /** "he", "she": the person the last sentence or two opened with; nobody after a change of subject. */
  personPronoun(): string | null {
    return this.rival ? null : (this.person?.text ?? null);
  }

  /** A described event ("a conference in Berlin"): a referent for "it" and "the conference" in what follows. */
  describe(r: Referent): void {
    this.recent.push(r);
    this.lastSubject = r;
  }

  /** The subject of the sentence just read (or null when it was not an event). */
  setSubject(r: Referent | null): void {
    this.lastSubject = r;
  }

  /**
   * "the treaty" → the nearest earlier name with the same head word ("Treaty of …");
   * failing that, for a generic noun of its class ("the treaty", "the agreement",
   * "the war"), the nearest name of that class ("the Dual Alliance"). "The armistice"
   * never becomes some other agreement.
   */
  definite(noun: string): Referent | null {
    const word = noun.toLowerCase();
    const single = word.replace(/(?<!s)s$/, "");
    const head = this.rules.heads.get(word) ?? this.rules.heads.get(single);
    if (!head) return null;
    // First the names with the same head word ("the treaty" → a Treaty of …); for a generic noun
    // of its class, any name of the class ("the treaty" → the Dual Alliance). A treaty may also be
    // named an Act, a Declaration or a Protocol ("the General Act of the Berlin Conference").
    const same = (r: Referent) => r.head.word === word || r.head.word === single;
    const classes = head.class === "agreement" ? new Set(["agreement", "law", "declaration"]) : new Set([head.class]);
    const found = this.salient(same) ?? (GENERIC_HEADS.has(single) ? this.salient((r) => classes.has(r.head.class)) : null);
    const best = found ? (this.aliases.get(found.text) ?? found) : null;
    // Being referred to is being mentioned: "the treaty" keeps its referent salient.
    if (best) this.recent.push(best);
    return best;
  }

  /**
   * Among the matching names of the last few mentions (and the document's own subject, however
   * long ago its title named it), the one the text keeps coming back to — the Treaty of Lausanne
   * in an article about it, not the Treaty of Sèvres it replaced — the nearest on a tie.
   */
  private salient(match: (r: Referent) => boolean): Referent | null {
    const window = this.recent.slice(-12).filter(match);
    if (this.title && match(this.title) && !window.some((r) => r.text === this.title!.text)) window.unshift(this.title);
    let best: Referent | null = null;
    let bestCount = 0;
    for (const r of window) {
      const count = this.recent.filter((x) => x.text === r.text).length + (r.text === this.title?.text ? 1 : 0);
      if (count >= bestCount) {
        best = r;
        bestCount = count;
      }
    }
    return best;
  }


  /** "it" → the previous sentence's event subject, if there was one. */
  pronoun(): Referent | null {
    return this.lastSubject;
  }
}

import { z } from "zod";
import { carryIds, type PriorCard } from "./carry-ids";
import { deckFileSchema, type DeckFile } from "./deck-file";
import { extractCards } from "./extract";
import { parseFrontMatter, sourceMetaSchema } from "./frontmatter";
import type { RuleSet } from "./rules";
import { partialDateSchema } from "./types";

/**
 * A curated source file (front matter + body) → its deck. Card documents are the slug.
 * `previousCards(slug)`: the cards of the deck as last built (readPreviousCards), whose ids
 * are carried over to cards stating the same facts (carry-ids.ts), so learners keep their
 * progress when only a subject's wording changed.
 */
export function buildDeckFile(
  fileText: string,
  fileName: string,
  rules: RuleSet,
  previousCards: (slug: string) => readonly PriorCard[] = () => [],
): DeckFile {
  const { fields, body } = parseFrontMatter(fileText);
  const parsed = sourceMetaSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${fileName}: front matter ${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"}`);
  }
  const meta = parsed.data;
  const { cards } = extractCards({ name: meta.slug, text: body }, rules);
  return deckFileSchema.parse({
    slug: meta.slug,
    title: meta.title,
    source: { slug: meta.slug, title: meta.title, origin: meta.origin, reliability: meta.reliability, note: meta.note },
    cards: carryIds(previousCards(meta.slug), cards),
  });
}

// Only what carrying ids needs, and loose: a deck file written by an older extractor (before
// `confidence` and `rule`, say) must still hand its ids on, or that very rebuild loses them.
const priorSource = z.looseObject({ document: z.string(), start: z.number(), end: z.number() });
const priorCard = z.discriminatedUnion("kind", [
  z.looseObject({ id: z.string(), kind: z.literal("date"), subject: z.string(), source: priorSource, date: partialDateSchema }),
  z.looseObject({ id: z.string(), kind: z.literal("parties"), subject: z.string(), source: priorSource, parties: z.array(z.string()) }),
  z.looseObject({ id: z.string(), kind: z.literal("term"), subject: z.string(), source: priorSource, term: z.string() }),
]);
const priorDeck = z.looseObject({ cards: z.array(priorCard) });

/**
 * The cards of an existing deck file (its text), for buildDeckFile's carry-over. An unreadable
 * file stops the build rather than being ignored: ignoring it would silently cost learners
 * their progress on every reworded card.
 */
export function readPreviousCards(fileText: string, fileName: string): PriorCard[] {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch (err) {
    throw new Error(`${fileName}: not valid JSON (${(err as Error).message}); restore it from git, or delete it to build without carrying ids over`);
  }
  const parsed = priorDeck.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${fileName}: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "not a deck file"}; restore it from git, or delete it to build without carrying ids over`,
    );
  }
  return parsed.data.cards;
}

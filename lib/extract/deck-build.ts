import { deckFileSchema, type DeckFile } from "./deck-file";
import { extractCards } from "./extract";
import { parseFrontMatter, sourceMetaSchema } from "./frontmatter";
import type { RuleSet } from "./rules";

/** A curated source file (front matter + body) → its deck. Card documents are the slug. */
export function buildDeckFile(fileText: string, fileName: string, rules: RuleSet): DeckFile {
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
    cards,
  });
}

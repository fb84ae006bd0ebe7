import { z } from "zod";
import { sourceMetaSchema } from "./frontmatter";
import { cardSchema } from "./types";

/**
 * content/decks/<slug>.json, written by `npm run content` and loaded into the
 * database by lib/decks. Schema only (no Node built-ins), safe to import anywhere;
 * the builder lives in deck-build.ts. Card source.document is the source slug; offsets
 * refer to the source body (after front matter).
 */
export const deckFileSchema = z
  .strictObject({
    slug: z.string().min(1),
    title: z.string().min(1),
    source: sourceMetaSchema,
    cards: z.array(cardSchema),
  })
  .refine((d) => d.slug === d.source.slug, { message: "deck slug must equal source slug" })
  .refine((d) => new Set(d.cards.map((c) => c.id)).size === d.cards.length, { message: "card ids must be unique" });

export type DeckFile = z.infer<typeof deckFileSchema>;


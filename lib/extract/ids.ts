import { createHash } from "node:crypto";
import type { CardKind } from "./types";

/** Case, spacing and a leading article do not make a different subject. */
export const normaliseSubject = (subject: string): string =>
  subject
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");

/**
 * Stable card id: first 16 hex chars of sha256(document NUL kind NUL subject [NUL facet]).
 * Re-running the extractor on the same document yields the same ids, so review
 * history survives a rebuild of the deck.
 */
export function cardId(document: string, kind: CardKind, subject: string, facet = ""): string {
  // A facet ("ratified", "ended") tells apart two dated facts about one subject; the plain fact has none, so its id is unchanged.
  return createHash("sha256")
    .update(`${document}\u0000${kind}\u0000${normaliseSubject(subject)}${facet ? `\u0000${facet}` : ""}`)
    .digest("hex")
    .slice(0, 16);
}

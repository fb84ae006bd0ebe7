// The text of queued cards (queue statement 3, store.ts loadCardTexts), kept by this process
// for a minute. The queue's third round trip is then skipped once a class's cards have been
// served: learners of one class study the same few decks.
//
// Per process and allowed to be stale, because the text is only shown: which cards a learner
// gets (visibility, retirement, suspension, limits) is still decided per request by the queue's
// own statements, and grading reads nothing of this. A card a teacher edits shows its old
// wording for at most TTL_MS more in a new batch, less than the client already keeps a
// fetched batch on screen (a whole review session).
import type { QueueItem } from "@/lib/api/review";

type CardText = QueueItem["card"];

export const TTL_MS = 60_000;
const MAX_CARDS = 20_000;

const texts = new Map<string, { text: CardText; until: number }>();

/** The text of each of `cardIds`: what this process read less than TTL_MS ago, `load` for the rest (in one call, or none). */
export async function cardTexts(
  cardIds: readonly string[],
  load: (ids: string[]) => Promise<Map<string, CardText>>,
  nowMs = Date.now(),
): Promise<Map<string, CardText>> {
  const found = new Map<string, CardText>();
  const missing: string[] = [];
  for (const id of cardIds) {
    const known = texts.get(id);
    if (known && known.until > nowMs) found.set(id, known.text);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const loaded = await load(missing);
  for (const [id, text] of loaded) {
    found.set(id, text);
    texts.delete(id); // re-inserted last: the Map's order is the eviction order
    if (texts.size >= MAX_CARDS) texts.delete(texts.keys().next().value!);
    texts.set(id, { text, until: nowMs + TTL_MS });
  }
  return found;
}

// A card's review history answers only for cards the user can see: anything else is 404,
// exactly like an unknown id, so the route cannot be used to learn which card ids exist.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/api/errors";
import { loadContentDecks } from "@/lib/decks/content";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { gradeCard } from "./grade";
import { cardHistory } from "./history";
import { httpStatus } from "@/lib/http/errors";

let t: TestDb;
let ann: string;
let tess: string;
let tom: string;
let curated: string;
const cards: Record<"draft" | "published" | "assigned" | "retired" | "ownDraft", string> = { draft: "", published: "", assigned: "", retired: "", ownDraft: "" };

async function deckWithCard(ownerId: string, status: "DRAFT" | "PUBLISHED"): Promise<{ deckId: string; cardId: string }> {
  const deck = await t.prisma.deck.create({ data: { slug: `d-${randomUUID()}`, title: `Deck ${randomUUID()}`, ownerId, status } });
  const card = await t.prisma.card.create({
    data: { id: `c-${randomUUID()}`, deckId: deck.id, kind: "BASIC", subject: "s", prompt: "p?", answer: "a", quote: "q.", start: 0, end: 2 },
  });
  return { deckId: deck.id, cardId: card.id };
}

beforeAll(async () => {
  t = await freshDb();
  await loadContentDecks(t.prisma);
  ann = (await t.prisma.user.create({ data: { email: "ann@example.com", name: "Ann", passwordHash: "x" } })).id;
  tess = (await t.prisma.user.create({ data: { email: "tess@example.com", name: "Tess", passwordHash: "x", role: "TEACHER" } })).id;
  tom = (await t.prisma.user.create({ data: { email: "tom@example.com", name: "Tom", passwordHash: "x", role: "TEACHER" } })).id;
  curated = (await t.prisma.card.findFirstOrThrow({ where: { deck: { ownerId: null, status: "PUBLISHED" } }, orderBy: { id: "asc" } })).id;
  cards.draft = (await deckWithCard(tess, "DRAFT")).cardId;
  // Published but not assigned to any class of Ann's: not hers to see.
  cards.published = (await deckWithCard(tess, "PUBLISHED")).cardId;
  const assigned = await deckWithCard(tess, "PUBLISHED");
  cards.assigned = assigned.cardId;
  cards.retired = (await t.prisma.card.create({
    data: { id: `c-${randomUUID()}`, deckId: assigned.deckId, kind: "BASIC", subject: "s", prompt: "r?", answer: "r", quote: "r.", start: 0, end: 2, retiredAt: new Date() },
  })).id;
  cards.ownDraft = (await deckWithCard(tom, "DRAFT")).cardId;
  const cls = await t.prisma.class.create({ data: { teacherId: tess, name: "9B", joinCode: "HIST-0001" } });
  await t.prisma.enrollment.create({ data: { classId: cls.id, userId: ann } });
  await t.prisma.assignment.create({ data: { classId: cls.id, deckId: assigned.deckId, kind: "REVIEW", dueAt: new Date("2030-01-01T00:00:00Z"), targetRecall: 0.8 } });
});
afterAll(async () => {
  await t?.drop();
});

const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => httpStatus(e));

describe("GET /api/cards/{id}/history (cardHistory)", () => {
  it("answers 404 for a card the user cannot see, the same as for an unknown id", async () => {
    expect(await statusOf(cardHistory(t.prisma, ann, cards.draft))).toBe(404);
    expect(await statusOf(cardHistory(t.prisma, ann, cards.published))).toBe(404);
    expect(await statusOf(cardHistory(t.prisma, tom, cards.draft))).toBe(404);
    expect(await statusOf(cardHistory(t.prisma, ann, "no-such-card"))).toBe(404);
    const unknown = await cardHistory(t.prisma, ann, "no-such-card").catch((e: unknown) => e);
    const foreign = await cardHistory(t.prisma, tom, cards.draft).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: (unknown as DomainError).code, message: (unknown as DomainError).message });
  });

  it("answers for curated cards, the cards of decks assigned to the learner's classes (retired ones too), and a teacher's own drafts", async () => {
    await gradeCard(t.prisma, ann, { cardId: curated, rating: 3, expectedVersion: 0, idempotencyKey: randomUUID(), durationMs: 1000 });
    expect((await cardHistory(t.prisma, ann, curated)).reviews).toHaveLength(1);
    expect(await cardHistory(t.prisma, ann, cards.assigned)).toMatchObject({
      cardId: cards.assigned, reviews: [], current: { state: null, retrievability: null, suspended: false, buriedUntil: null, leech: false },
    });
    expect(await statusOf(cardHistory(t.prisma, ann, cards.retired))).toBe(200);
    expect(await statusOf(cardHistory(t.prisma, tom, cards.ownDraft))).toBe(200);
    expect(await statusOf(cardHistory(t.prisma, tess, cards.draft))).toBe(200);
  });
});

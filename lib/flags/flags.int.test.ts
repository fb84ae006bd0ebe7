// Reports of bad cards against real Postgres: one per learner and card (a new one replaces
// it), only for cards the learner can see; the deck's teacher reads those on their own decks
// (and no one else's), the operator those on curated decks.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flagRequestSchema } from "@/lib/api/cards";
import { loadContentDecks } from "@/lib/decks/content";
import { httpStatus } from "@/lib/http/errors";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { curatedFlags, deckFlags, flagCard } from "./flags";

let t: TestDb;
let ann: string;
let ben: string;
let tess: string;
let tom: string;
let curatedCard: string;
let ownDeck: string;
let ownCard: string;
let draftCard: string;

const user = async (name: string, role: "STUDENT" | "TEACHER" = "STUDENT") =>
  (await t.prisma.user.create({ data: { email: `${name}-${randomUUID()}@example.com`, name, passwordHash: "x", role } })).id;
const flag = (userId: string, cardId: string, body: unknown) => flagCard(t.prisma, userId, cardId, flagRequestSchema.parse(body));
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => httpStatus(e));

beforeAll(async () => {
  t = await freshDb();
  await loadContentDecks(t.prisma);
  [ann, ben, tess, tom] = [await user("Ann"), await user("Ben"), await user("Tess", "TEACHER"), await user("Tom", "TEACHER")];
  curatedCard = (await t.prisma.card.findFirstOrThrow({ where: { deck: { ownerId: null } }, orderBy: { id: "asc" } })).id;
  const deck = await t.prisma.deck.create({ data: { slug: `own-${randomUUID()}`, title: "Tess's deck", ownerId: tess, status: "PUBLISHED" } });
  ownDeck = deck.id;
  ownCard = (await t.prisma.card.create({ data: { id: `c-${randomUUID()}`, deckId: deck.id, kind: "BASIC", subject: "Versailles", prompt: "When?", answer: "1918", quote: "q", start: 0, end: 1 } })).id;
  const draft = await t.prisma.deck.create({ data: { slug: `draft-${randomUUID()}`, title: "Draft", ownerId: tess, status: "DRAFT" } });
  draftCard = (await t.prisma.card.create({ data: { id: `c-${randomUUID()}`, deckId: draft.id, kind: "BASIC", subject: "s", prompt: "p", answer: "a", quote: "q", start: 0, end: 1 } })).id;
  const cls = await t.prisma.class.create({ data: { teacherId: tess, name: "9A", joinCode: `F-${randomUUID().slice(0, 8)}` } });
  await t.prisma.enrollment.createMany({ data: [{ classId: cls.id, userId: ann }, { classId: cls.id, userId: ben }] });
  await t.prisma.assignment.create({ data: { classId: cls.id, deckId: deck.id, kind: "REVIEW", dueAt: new Date("2030-01-01T00:00:00Z"), targetRecall: 0.8 } });
});
afterAll(async () => {
  await t?.drop();
});

describe("flagging a card", () => {
  it("stores one report per learner and card: a second replaces the first", async () => {
    const first = await flag(ann, ownCard, { reason: "wrong-fact", note: "It was signed in 1919." });
    expect(first).toMatchObject({ created: true, flag: { cardId: ownCard, reason: "wrong-fact", note: "It was signed in 1919." } });
    const second = await flag(ann, ownCard, { reason: "bad-wording" });
    expect(second).toMatchObject({ created: false, flag: { reason: "bad-wording", note: "", createdAt: first.flag.createdAt } });
    expect(await t.prisma.cardFlag.count({ where: { cardId: ownCard } })).toBe(1);
    await flag(ben, ownCard, { reason: "other", note: "The quote does not say this." });
    expect(await t.prisma.cardFlag.count({ where: { cardId: ownCard } })).toBe(2);
  });

  it("answers 404 for a card the learner cannot see, as for an unknown one, and stores nothing", async () => {
    expect(await statusOf(flag(ann, draftCard, { reason: "wrong-fact" }))).toBe(404);
    expect(await statusOf(flag(ann, "no-such-card", { reason: "wrong-fact" }))).toBe(404);
    expect(await t.prisma.cardFlag.count({ where: { cardId: draftCard } })).toBe(0);
  });
});

describe("reading reports", () => {
  it("the deck's teacher reads its reports, grouped by card, without who sent them; another teacher gets 404", async () => {
    const seen = await deckFlags(t.prisma, tess, ownDeck);
    expect(seen.cards).toHaveLength(1);
    expect(seen.cards[0]).toMatchObject({ cardId: ownCard, subject: "Versailles", answer: "1918", retired: false });
    expect(seen.cards[0]!.reports.map((r) => r.reason).sort()).toEqual(["bad-wording", "other"]);
    expect(JSON.stringify(seen)).not.toMatch(/Ann|Ben|example\.com/);
    expect(await statusOf(deckFlags(t.prisma, tom, ownDeck))).toBe(404);
    expect(await statusOf(deckFlags(t.prisma, tess, randomUUID()))).toBe(404);
  });

  it("reports on curated decks go to the operator, and only those", async () => {
    expect(await curatedFlags(t.prisma)).toEqual([]);
    await flag(ben, curatedCard, { reason: "wrong-fact", note: "Wrong year." });
    const listed = await curatedFlags(t.prisma);
    expect(listed.map((c) => c.cardId)).toEqual([curatedCard]);
    expect(listed[0]).toMatchObject({ deck: { slug: expect.any(String) }, reports: [{ reason: "wrong-fact", note: "Wrong year." }] });
  });
});

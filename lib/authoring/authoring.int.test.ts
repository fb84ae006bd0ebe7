import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignmentSchema, type CreateAssignment } from "@/lib/api/classes";
import { createDeckSchema, proposedCardInput } from "@/lib/api/authoring";
import { createAssignment } from "@/lib/classes/assignments";
import { createClass, joinClass } from "@/lib/classes/classes";
import { getDeck } from "@/lib/decks/store";
import { gradeCard } from "@/lib/review/grade";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { addCards, editCard, retireCard } from "./cards";
import { createDraftDeck, listOwnDecks, updateDeck } from "./decks";
import { readDocument } from "./document";
import { previewImport } from "./preview";
import { httpStatus } from "@/lib/http/errors";

let t: TestDb;
const users: Record<string, { id: string; name: string; role: "STUDENT" | "TEACHER" }> = {};
const u = (name: string) => users[name]!;
const status = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => httpStatus(e));
const ROOT = path.resolve(import.meta.dirname, "../..");
const sample = readFileSync(path.join(ROOT, "content/testdocs/prose-only.txt"), "utf8");

beforeAll(async () => {
  t = await freshDb();
  for (const [name, role] of [["tina", "TEACHER"], ["tom", "TEACHER"], ["sam", "STUDENT"]] as const) {
    const row = await t.prisma.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role } });
    users[name] = { id: row.id, name, role };
  }
});
afterAll(async () => {
  await t.drop();
});

/** What a teacher sends after a preview: the ticked cards, as chosen. */
function chosen(text: string, name = "prose-only.txt") {
  const preview = previewImport(readDocument(text, name));
  const cards = preview.cards.map(proposedCardInput);
  return { preview, cards };
}

const counts = async () => ({
  decks: await t.prisma.deck.count(),
  cards: await t.prisma.card.count(),
  sources: await t.prisma.source.count(),
});

describe("draft → edit → publish", () => {
  it("imports a document into a draft with its source, edits, retires and adds cards, then publishes so it can be assigned", async () => {
    const { preview, cards } = chosen(sample);
    expect(preview.cards.length).toBeGreaterThan(3);
    expect(preview.document.title).toBe("The Collapse of the Eastern Bloc");
    // Untick the first card.
    const deck = await createDraftDeck(t.prisma, u("tina"), createDeckSchema.parse({ title: "Eastern Bloc", document: { name: "prose-only.txt", text: preview.document.text }, cards: cards.slice(1) }));
    expect(deck.status).toBe("DRAFT");
    const stored = await t.prisma.deck.findUniqueOrThrow({ where: { id: deck.id }, include: { source: true, cards: { orderBy: { position: "asc" } } } });
    expect(stored.source?.text).toBe(sample);
    expect(stored.cards).toHaveLength(cards.length - 1);
    for (const c of stored.cards) expect(sample.slice(c.start, c.end)).toBe(c.quote);

    // A draft cannot be assigned yet.
    const cls = await createClass(t.prisma, u("tina").id, "History 10");
    const assign = (): CreateAssignment => createAssignmentSchema.parse({ kind: "REVIEW", classId: cls.id, deckId: deck.id, dueAt: "2030-01-01T00:00:00Z", targetRecall: 0.8 });
    await expect(createAssignment(t.prisma, u("tina").id, assign())).rejects.toThrow(/Publish the deck/);

    const first = stored.cards[0]!;
    const edited = await editCard(t.prisma, u("tina").id, deck.id, first.id, { answer: "Fixed wording" });
    expect(edited).toMatchObject({ id: first.id, answer: "Fixed wording", quote: first.quote });
    await retireCard(t.prisma, u("tina").id, deck.id, stored.cards[1]!.id);
    const [added] = await addCards(t.prisma, u("tina").id, deck.id, [
      { kind: "DATE", subject: "Helsinki Accords", prompt: "When were the Helsinki Accords signed?", answer: "1 August 1975", date: { year: 1975, month: 8, day: 1 } },
    ]);
    expect(added).toMatchObject({ kind: "DATE", data: { date: { year: 1975, month: 8, day: 1 } }, quote: "" });

    expect(await updateDeck(t.prisma, u("tina").id, deck.id, { status: "PUBLISHED" })).toMatchObject({ status: "PUBLISHED" });
    await expect(createAssignment(t.prisma, u("tina").id, assign())).resolves.toMatchObject({ deckId: deck.id });
    const live = await getDeck(t.prisma, u("tina"), deck.id);
    expect(live?.cards.map((c) => c.id)).toEqual([first.id, ...stored.cards.slice(2).map((c) => c.id), added!.id]);
    expect(live?.source?.text).toBe(sample);
    expect(await listOwnDecks(t.prisma, u("tina").id)).toEqual([expect.objectContaining({ id: deck.id, status: "PUBLISHED", cardCount: cards.length - 1, assignmentCount: 1 })]);
  });

  it("keeps a learner's progress on a card across an edit, and its history when retired", async () => {
    const { cards } = chosen(sample);
    const deck = await createDraftDeck(t.prisma, u("tina"), { title: "Progress kept", document: { name: "prose-only.txt", text: sample }, cards });
    await updateDeck(t.prisma, u("tina").id, deck.id, { status: "PUBLISHED" });
    const cls = await createClass(t.prisma, u("tina").id, "History 11");
    await joinClass(t.prisma, u("sam"), cls.joinCode);
    await createAssignment(t.prisma, u("tina").id, createAssignmentSchema.parse({ kind: "REVIEW", classId: cls.id, deckId: deck.id, dueAt: "2030-01-01T00:00:00Z", targetRecall: 0.8 }));
    const card = (await t.prisma.card.findFirstOrThrow({ where: { deckId: deck.id }, orderBy: { position: "asc" } }));
    const graded = await gradeCard(t.prisma, u("sam").id, { cardId: card.id, rating: 3, idempotencyKey: "progress-kept-1", durationMs: 1000, expectedVersion: 0 });
    const before = await t.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: u("sam").id, cardId: card.id } } });

    await editCard(t.prisma, u("tina").id, deck.id, card.id, { prompt: `${card.prompt} (edited)` });
    const after = await t.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: u("sam").id, cardId: card.id } } });
    expect(after).toEqual(before);
    // The next grade continues from that state.
    await expect(gradeCard(t.prisma, u("sam").id, { cardId: card.id, rating: 3, idempotencyKey: "progress-kept-2", durationMs: 1000, expectedVersion: graded.version })).resolves.toMatchObject({ version: graded.version + 1 });

    await retireCard(t.prisma, u("tina").id, deck.id, card.id);
    expect(await t.prisma.reviewLog.count({ where: { cardId: card.id } })).toBe(2);
    expect(await t.prisma.cardState.count({ where: { cardId: card.id } })).toBe(1);
    expect((await getDeck(t.prisma, u("sam"), deck.id))?.cards.map((c) => c.id)).not.toContain(card.id);
  });
});

describe("refusals change nothing", () => {
  it("refuses empty, binary, non-UTF-8 and over-limit documents with a message naming the problem", async () => {
    expect(() => readDocument("  \n\t ", "notes.txt")).toThrow(/notes.txt is empty/);
    expect(() => readDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "slides.pptx")).toThrow(/binary/);
    expect(() => readDocument(new Uint8Array([0x48, 0xe9, 0x6c, 0x6c, 0x6f]), "latin1.txt")).toThrow(/not UTF-8/);
    expect(() => readDocument("x".repeat(1024 * 1024 + 1), "big.txt")).toThrow(/limited to 1 MB/);
    expect(() => readDocument(new Uint8Array(1024 * 1024 + 1).fill(0x41), "big.txt")).toThrow(expect.objectContaining({ code: "payload_too_large" }));
    expect(readDocument(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69]), "bom.txt").text).toBe("Hi");

    const before = await counts();
    const { cards } = chosen(sample);
    for (const text of ["   ", "a\u0000b", "x".repeat(1024 * 1024 + 1)]) {
      expect(await status(createDraftDeck(t.prisma, u("tina"), { title: `Bad ${text.length}`, document: { name: "bad.txt", text }, cards }))).toBeGreaterThanOrEqual(400);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 409 for a title the teacher already uses (any case), allows it for another teacher, and saves nothing", async () => {
    const { cards } = chosen(sample);
    const before = await counts();
    await expect(createDraftDeck(t.prisma, u("tina"), { title: "eastern BLOC", document: { name: "a.txt", text: sample }, cards })).rejects.toMatchObject({
      code: "conflict",
      message: 'You already have a deck called "eastern BLOC". Choose another title.',
    });
    expect(await counts()).toEqual(before);
    await expect(createDraftDeck(t.prisma, u("tom"), { title: "Eastern Bloc", document: { name: "a.txt", text: sample }, cards })).resolves.toMatchObject({ status: "DRAFT" });
    const mine = (await listOwnDecks(t.prisma, u("tina").id)).find((d) => d.title === "Progress kept")!;
    expect(await status(updateDeck(t.prisma, u("tina").id, mine.id, { title: "Eastern Bloc" }))).toBe(409);
    expect(await status(updateDeck(t.prisma, u("tina").id, mine.id, { title: "progress KEPT" }))).toBe(200);
  });

  it("rejects a card whose provenance does not match the document, saving no deck at all", async () => {
    const { cards } = chosen(sample);
    const before = await counts();
    const forged = { ...cards[0]!, quote: "Something the document never said." };
    await expect(createDraftDeck(t.prisma, u("tina"), { title: "Forged", document: { name: "a.txt", text: sample }, cards: [cards[1]!, forged] })).rejects.toThrow(/cards.1: quote does not match/);
    expect(await counts()).toEqual(before);
  });

  it("keeps other teachers out: their decks and cards answer 404 and stay unchanged", async () => {
    const deck = (await listOwnDecks(t.prisma, u("tina").id))[0]!;
    const card = await t.prisma.card.findFirstOrThrow({ where: { deckId: deck.id, retiredAt: null } });
    const tom = u("tom").id;
    expect(await status(updateDeck(t.prisma, tom, deck.id, { status: "PUBLISHED", title: "Mine" }))).toBe(404);
    expect(await status(editCard(t.prisma, tom, deck.id, card.id, { answer: "hacked" }))).toBe(404);
    expect(await status(retireCard(t.prisma, tom, deck.id, card.id))).toBe(404);
    expect(await status(addCards(t.prisma, tom, deck.id, [{ kind: "BASIC", prompt: "q", answer: "a" }]))).toBe(404);
    // A card id from another deck is not in this one.
    const toms = (await listOwnDecks(t.prisma, tom))[0]!;
    expect(await status(editCard(t.prisma, tom, toms.id, card.id, { answer: "hacked" }))).toBe(404);
    expect(await t.prisma.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(card);
  });

  it("stores an import containing <script> as plain text, byte for byte", async () => {
    const text = "The <script>alert('x')</script> Treaty of Rapallo was signed on 16 April 1922.\n";
    const deck = await createDraftDeck(t.prisma, u("tina"), {
      title: "<b>Rapallo</b>",
      document: { name: "evil.txt", text },
      cards: [{ kind: "BASIC", prompt: "<img src=x onerror=alert(1)>", answer: "<script>alert(2)</script>", quote: "<script>alert('x')</script>" }],
    });
    const stored = await t.prisma.deck.findUniqueOrThrow({ where: { id: deck.id }, include: { source: true, cards: true } });
    expect(stored.title).toBe("<b>Rapallo</b>");
    expect(stored.source?.text).toBe(text);
    expect(stored.cards[0]).toMatchObject({ prompt: "<img src=x onerror=alert(1)>", answer: "<script>alert(2)</script>", quote: "<script>alert('x')</script>", start: 4 });
  });
});

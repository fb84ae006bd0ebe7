import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { unzipSync, strFromU8 } from "fflate";
import initSqlJs from "sql.js/dist/sql-wasm-inline.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeckSchema, proposedCardInput } from "@/lib/api/authoring";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { addCards, retireCard } from "./cards";
import { previewCsv } from "./csv-import";
import { createDraftDeck } from "./decks";
import { readDocument } from "./document";
import { exportApkg, exportCsv } from "./exports";
import { previewImport } from "./preview";

let t: TestDb;
let teacher: { id: string; name: string };
let deckId: string;
const ROOT = path.resolve(import.meta.dirname, "../..");
const source = readFileSync(path.join(ROOT, "content/sources/stalinist-regime.md"), "utf8");

beforeAll(async () => {
  t = await freshDb();
  const row = await t.prisma.user.create({ data: { email: "tina@example.com", name: "Tina", passwordHash: "x", role: "TEACHER" } });
  teacher = { id: row.id, name: row.name };
  const preview = previewImport(readDocument(source, "stalinist-regime.md"));
  const cards = preview.cards.map(proposedCardInput);
  const deck = await createDraftDeck(t.prisma, teacher, createDeckSchema.parse({ title: preview.document.title, document: { name: "stalinist-regime.md", text: preview.document.text }, cards }));
  deckId = deck.id;
  // Text that needs CSV quoting, a formula-looking cell and a plain card.
  await addCards(t.prisma, teacher.id, deckId, [
    { kind: "BASIC", prompt: 'What did "NKVD" stand for, in full?', answer: "People's Commissariat\nfor Internal Affairs", quote: "", citation: "=HYPERLINK(\"x\")" },
    { kind: "PARTIES", subject: "Molotov–Ribbentrop Pact", prompt: "Who signed the Molotov–Ribbentrop Pact?", answer: "Germany and the Soviet Union", parties: ["Germany", "Soviet Union"] },
  ]);
});
afterAll(async () => {
  await t.drop();
});

/** Anki fields are HTML: our text goes in escaped. */
const html = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const visible = (c: { kind: string; prompt: string; answer: string; quote?: string; citation?: string | null }) => ({
  kind: c.kind,
  prompt: c.prompt,
  answer: c.answer,
  quote: c.quote ?? "",
  citation: c.citation ?? null,
});

describe("CSV", () => {
  it("round-trips: export, import preview and export again give the same cards and the same file", async () => {
    const live = await t.prisma.card.findMany({ where: { deckId, retiredAt: null }, orderBy: { position: "asc" } });
    expect(live.length).toBeGreaterThan(5);
    const { csv } = await exportCsv(t.prisma, teacher.id, deckId);
    expect(csv.split("\r\n")[0]).toBe("front,back,kind,source quote,citation");
    expect(csv).toContain("'=HYPERLINK"); // neutralised for spreadsheets

    const preview = previewCsv(csv);
    expect(preview.errors).toEqual([]);
    expect(preview.cards.map(visible)).toEqual(live.map(visible));
    const dates = preview.cards.filter((c) => c.kind === "DATE");
    expect(dates.length).toBeGreaterThan(0);
    for (const c of dates) expect(c.kind === "DATE" && c.date.year).toBeGreaterThan(1000);

    const copy = await createDraftDeck(t.prisma, teacher, { title: "Copy from CSV", cards: preview.cards.map(({ line: _l, ...c }) => c) });
    expect((await exportCsv(t.prisma, teacher.id, copy.id)).csv).toBe(csv);
  });

  it("reports bad rows by line number and keeps the good ones", () => {
    const csv = [
      "front,back,kind,source quote,citation", // 1
      "When did the NEP start?,1921,date,,", // 2 good
      "only two,columns", // 3 missing columns
      '"Unbalanced,1922,date,,', // 4 unbalanced quote
      "Who signed?,France and Italy,parties,,", // 5 good
      'a "stray" quote,x,basic,,', // 6 stray quote
      "When?,no year here,date,,", // 7 date without a date
      '"Multi-line',  // 8 a quoted field over two lines: fine
      'front",back,basic,,', // 9
      ",empty front,basic,,", // 10
      "Term?,A definition,tern,,", // 11 unknown kind
      "Last,card,basic,,", // 12 good
    ].join("\n");
    const preview = previewCsv(csv);
    expect(preview.errors).toEqual([
      { line: 3, message: "expected 5 columns (front, back, kind, source quote, citation), found 2" },
      { line: 4, message: expect.stringMatching(/^unbalanced quote/) },
      { line: 6, message: expect.stringMatching(/^unbalanced quote/) },
      { line: 7, message: expect.stringMatching(/back must contain a date/) },
      { line: 10, message: "front is empty" },
      { line: 11, message: expect.stringMatching(/kind "tern"/) },
    ]);
    expect(preview.cards.map((c) => [c.line, c.kind, c.prompt])).toEqual([
      [2, "DATE", "When did the NEP start?"],
      [5, "PARTIES", "Who signed?"],
      [8, "BASIC", "Multi-line\nfront"],
      [12, "BASIC", "Last"],
    ]);
  });

  it("refuses a file without the front and back columns, or that is not text", () => {
    expect(() => previewCsv("question,answer\nq,a\n")).toThrow("line 1: the header must name the columns front, back, kind, source quote, citation (missing: front, back).");
    expect(() => previewCsv("")).toThrow(/empty/);
    expect(() => previewCsv(new Uint8Array([0x66, 0x00, 0x6f]))).toThrow(/binary/);
  });
});

describe("Anki package", () => {
  it("is a zip with a schema-11 collection: Basic note type, one note and one new card per live card, checksums Anki computes", async () => {
    const retired = await t.prisma.card.findFirstOrThrow({ where: { deckId, retiredAt: null }, orderBy: { position: "asc" } });
    await retireCard(t.prisma, teacher.id, deckId, retired.id);
    const live = await t.prisma.card.findMany({ where: { deckId, retiredAt: null }, orderBy: { position: "asc" } });
    const { fileName, bytes } = await exportApkg(t.prisma, teacher.id, deckId, new Date("2026-09-01T10:00:00Z"));
    expect(fileName).toMatch(/\.apkg$/);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(["collection.anki2", "media"]);
    expect(JSON.parse(strFromU8(files.media!))).toEqual({});

    const SQL = await initSqlJs();
    const db = new SQL.Database(files["collection.anki2"]);
    const rows = (sql: string) => {
      const [r] = db.exec(sql);
      return r ? r.values : [];
    };
    expect(rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").flat()).toEqual(["cards", "col", "graves", "notes", "revlog"]);
    const [col] = rows("SELECT ver, models, decks, dconf FROM col");
    expect(col![0]).toBe(11);
    const models = Object.values(JSON.parse(col![1] as string)) as { id: number; name: string; flds: { name: string }[]; tmpls: { qfmt: string; afmt: string }[] }[];
    expect(models).toHaveLength(1);
    expect(models[0]!.flds.map((f) => f.name)).toEqual(["Front", "Back"]);
    expect(models[0]!.tmpls[0]!.qfmt).toBe("{{Front}}");
    const decks = Object.values(JSON.parse(col![2] as string)) as { id: number; name: string }[];
    const deck = decks.find((d) => d.id !== 1)!;
    expect(deck.name).toBe((await t.prisma.deck.findUniqueOrThrow({ where: { id: deckId } })).title);

    const notes = rows("SELECT id, guid, mid, flds, sfld, csum FROM notes ORDER BY id");
    expect(notes).toHaveLength(live.length);
    notes.forEach(([, guid, mid, flds, sfld, csum], i) => {
      const card = live[i]!;
      expect(guid).toBe(card.id);
      expect(mid).toBe(models[0]!.id);
      const [front, back] = (flds as string).split("\x1f");
      expect(front).toBe(html(card.prompt));
      expect(back!.startsWith(html(card.answer))).toBe(true);
      expect(sfld).toBe(card.prompt);
      expect(csum).toBe(parseInt(createHash("sha1").update(card.prompt).digest("hex").slice(0, 8), 16));
    });
    expect(rows("SELECT count(*) FROM cards WHERE did = " + deck.id + " AND ord = 0 AND type = 0 AND queue = 0")[0]![0]).toBe(live.length);
    expect(rows("SELECT count(*) FROM cards c JOIN notes n ON n.id = c.nid")[0]![0]).toBe(live.length);
    expect(rows("SELECT count(*) FROM revlog")[0]![0]).toBe(0);
    db.close();
  });
});

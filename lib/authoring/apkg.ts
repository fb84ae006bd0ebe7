// A deck as an Anki package (.apkg): a zip holding `collection.anki2` (an Anki
// collection, schema version 11, the legacy format every Anki desktop imports) and an
// empty `media` map. One "Basic" note type with Front and Back; every card a new card.
import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import initSqlJs from "sql.js/dist/sql-wasm-inline.js";

export type ApkgCard = { id: string; prompt: string; answer: string; quote: string; citation: string | null };
export type ApkgDeck = { id: string; title: string; cards: readonly ApkgCard[] };

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);`;

/** A fixed note-type id: re-importing updates the same "History Cards Basic" type instead of adding copies. */
const MODEL_ID = 1_700_000_000_001;
export const FIELD_SEPARATOR = "\x1f";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** Anki's duplicate check: the first 8 hex digits of sha1 of the first field, HTML stripped, as an integer. */
export const fieldChecksum = (plainFirstField: string) => parseInt(sha1(plainFirstField).slice(0, 8), 16);

/** A stable Anki id for our deck (Anki ids are integers; keep it within 2^53). */
const ankiDeckId = (deckId: string) => parseInt(sha1(deckId).slice(0, 12), 16);

/** The Back field: the answer, then where it comes from. Fields are HTML in Anki, so text is escaped. */
function backField(c: ApkgCard): string {
  const source = c.quote ? `“${escapeHtml(c.quote)}”${c.citation ? ` (${escapeHtml(c.citation)})` : ""}` : c.citation ? escapeHtml(c.citation) : "";
  return escapeHtml(c.answer) + (source ? `<div class="source">${source}</div>` : "");
}

function collectionJson(deck: ApkgDeck, did: number, nowSec: number) {
  const model = {
    id: MODEL_ID, name: "History Cards Basic", type: 0, mod: nowSec, usn: -1, sortf: 0, did, tags: [], vers: [],
    flds: ["Front", "Back"].map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] })),
    tmpls: [{ name: "Card 1", ord: 0, qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}", bqfmt: "", bafmt: "", did: null, bfont: "", bsize: 0 }],
    css: ".card { font-family: arial; font-size: 20px; text-align: center; }\n.source { margin-top: 1em; font-size: 14px; color: #555; }",
    latexPre: "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    req: [[0, "any", [0]]],
  };
  const deckEntry = (id: number, name: string) => ({
    id, name, desc: "", mod: nowSec, usn: -1, conf: 1, dyn: 0, collapsed: false, extendNew: 10, extendRev: 50,
    newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
  });
  const dconf = {
    id: 1, name: "Default", mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
    new: { delays: [1, 10], ints: [1, 4, 7], initialFactor: 2500, order: 1, perDay: 20, bury: true, separate: true },
    rev: { perDay: 200, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, bury: true, minSpace: 1 },
    lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 0 },
  };
  const conf = { activeDecks: [did], curDeck: did, curModel: String(MODEL_ID), nextPos: deck.cards.length + 1, sortType: "noteFld", sortBackwards: false, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true, addToCur: true };
  return {
    conf: JSON.stringify(conf),
    models: JSON.stringify({ [MODEL_ID]: model }),
    decks: JSON.stringify({ 1: deckEntry(1, "Default"), [did]: deckEntry(did, deck.title) }),
    dconf: JSON.stringify({ 1: dconf }),
  };
}

export async function buildApkg(deck: ApkgDeck, now = new Date()): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA);
    const ms = now.getTime();
    const nowSec = Math.floor(ms / 1000);
    const did = ankiDeckId(deck.id);
    const json = collectionJson(deck, did, nowSec);
    db.run("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')", [
      Math.floor(new Date(now).setUTCHours(4, 0, 0, 0) / 1000), ms, ms, json.conf, json.models, json.decks, json.dconf,
    ]);
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, '', ?, ?, ?, 0, '')");
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    deck.cards.forEach((c, i) => {
      const id = ms + i;
      // The card id is the guid, so importing a newer export updates these notes in place.
      note.run([id, c.id, MODEL_ID, nowSec, escapeHtml(c.prompt) + FIELD_SEPARATOR + backField(c), c.prompt, fieldChecksum(c.prompt)]);
      card.run([id, id, did, nowSec, i + 1]);
    });
    note.free();
    card.free();
    return zipSync({ "collection.anki2": db.export(), media: strToU8("{}") });
  } finally {
    db.close();
  }
}

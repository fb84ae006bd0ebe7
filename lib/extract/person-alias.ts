/**
 * "Salah ad-Din Yusuf ibn Ayyub, known in Europe as Saladin, was born …": a person written once by a
 * formal name and then by the name students know. Where the text uses the other name more often, the
 * questions ask with it (issue 16: "the subject is the name a student knows").
 */

// (Words of one name are on one line: a heading above is not part of it.)
const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:(?:ad|al|ibn|bin|de|da|di|von|van|der|la|le)[ \t-])?\p{Lu}[\p{L}'’-]*){0,6}`;
const KNOWN_AS = new RegExp(String.raw`(${NAME}),\s+(?:also\s+|better\s+|commonly\s+)?known(?:\s+(?:in|to)\s+${NAME})?\s+as\s+(${NAME})\s*,`, "gu");

const count = (text: string, name: string): number => text.split(name).length - 1;

/** Formal name → the name the text uses most, for every "X, known as Y," where Y is used more than X. */
export function personAliases(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(KNOWN_AS)) {
    const formal = m[1]!;
    const known = m[2]!;
    // ("Otto von Bismarck, known as the Iron Chancellor," is a nickname: only a name the text goes on using counts.)
    if (known.split(/\s+/).length > formal.split(/\s+/).length || count(text, known) <= count(text, formal)) continue;
    out.set(formal, known);
  }
  return out;
}

/** A question written with the formal name, asked with the known one. */
export function withKnownName<T extends { subject: string; prompt: string }>(c: T, aliases: ReadonlyMap<string, string>): T {
  for (const [formal, known] of aliases) {
    if (c.prompt.includes(formal)) return { ...c, subject: c.subject.replace(formal, known), prompt: c.prompt.replace(formal, known) };
  }
  return c;
}

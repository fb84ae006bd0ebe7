// Class join codes: short, read aloud in a classroom, typed on a phone. No 0/O, 1/I/L.
import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** A code works for this long after it is made; the teacher can make a new one any time. */
export const CODE_TTL_DAYS = 30;

export function newJoinCode(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${pick()}-${pick()}`;
}

/** What a learner typed, in stored form: "abcd efgh" -> "ABCD-EFGH". */
export function normaliseCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : input.trim().toUpperCase();
}

export function codeExpiry(now: Date): Date {
  return new Date(now.getTime() + CODE_TTL_DAYS * 86_400_000);
}

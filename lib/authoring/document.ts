// An imported document's bytes or text → its text, or a clear refusal: empty, binary,
// not UTF-8, over the size limit. Nothing is stored here; callers decide.
import { DomainError } from "@/lib/api/errors";
import { MAX_DOCUMENT_BYTES } from "@/lib/api/authoring";

export type ImportedDocument = { name: string; text: string };

const LIMIT_LABEL = `${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB`;

function checkSize(bytes: number, name: string): void {
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new DomainError("payload_too_large", `${name} is ${(bytes / (1024 * 1024)).toFixed(1)} MB; documents are limited to ${LIMIT_LABEL}.`);
  }
}

function decode(bytes: Uint8Array, name: string): string {
  checkSize(bytes.byteLength, name);
  if (bytes.includes(0)) throw new DomainError("validation_failed", `${name} looks like a binary file (it contains NUL bytes). Import a plain-text (.txt) or Markdown (.md) file.`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError("validation_failed", `${name} is not UTF-8 text. Save it as UTF-8 (plain text or Markdown) and import it again.`);
  }
}

/** Validates a document given as bytes (an upload) or as text (pasted or sent as JSON). */
export function readDocument(input: Uint8Array | string, name: string): ImportedDocument {
  const raw = typeof input === "string" ? input : decode(input, name);
  if (typeof input === "string") {
    checkSize(Buffer.byteLength(raw, "utf8"), name);
    if (raw.includes("\u0000")) throw new DomainError("validation_failed", `${name} looks like a binary file (it contains NUL characters). Import plain text or Markdown.`);
  }
  // A byte-order mark is not part of the text the card offsets refer to.
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  if (text.trim() === "") throw new DomainError("validation_failed", `${name} is empty: there is no text to make cards from.`);
  return { name, text };
}

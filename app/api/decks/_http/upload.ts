// A document in a request: multipart form data with a `file` field (an upload), or JSON
// {name, text} (pasted text). Both bounded while the body streams (handler.ts readBody); the
// content checks (empty, binary, encoding, 1 MB) are lib/authoring's.
import { z } from "zod";
import { MAX_DOCUMENT_BYTES, documentSchema } from "@/lib/api/authoring";
import { DomainError } from "@/lib/api/errors";
import { readDocument, type ImportedDocument } from "@/lib/authoring/document";
import { mediaType, readFormData, readJson } from "@/lib/http/handler";

/** Room for JSON escaping or multipart framing around a document at the limit. */
export const MAX_UPLOAD_BODY = 4 * MAX_DOCUMENT_BYTES;

const fileTooLarge = () => new DomainError("payload_too_large", "The file is larger than 1 MB; documents are limited to 1 MB.");

export async function documentFromRequest(req: Request): Promise<ImportedDocument> {
  if (mediaType(req.headers.get("content-type")) !== "multipart/form-data") {
    const doc = await readJson(req, documentSchema, MAX_UPLOAD_BODY);
    return readDocument(doc.text, doc.name);
  }
  const form = await readFormData(req, MAX_UPLOAD_BODY, fileTooLarge);
  const file = form.get("file");
  if (!(file instanceof File)) throw new DomainError("validation_failed", "Attach the document as the form field \"file\".");
  const name = z.string().trim().min(1).max(200).catch("upload.txt").parse(file.name);
  return readDocument(new Uint8Array(await file.arrayBuffer()), name);
}

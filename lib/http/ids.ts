import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { describeUnstorable, findUnstorableText } from "@/lib/api/text";

/**
 * 422 for a path parameter with a NUL or a lone surrogate (`/api/cards/%00/history`): Postgres
 * cannot store, or even compare, such text, and a query with it is a 500. Run by handle()
 * on every route's params before the route itself; catch-all segments are arrays.
 */
export function refuseUnstorableParams(params: unknown): void {
  const unstorable = findUnstorableText(params ?? {});
  if (unstorable) {
    const { field, message } = describeUnstorable(unstorable);
    throw new DomainError("validation_failed", `path parameter ${message}`, { fields: { [field]: message } });
  }
}

/** A malformed id is as unknown as a missing one: 404 naming the kind of thing. */
export async function uuidParam<K extends string>(params: Promise<Record<K, string>>, key: K, what: string): Promise<string> {
  const id = z.uuid().safeParse((await params)[key]);
  if (!id.success) throw new DomainError("not_found", `No such ${what}.`);
  return id.data;
}

/** A card id (the extractor's stable ids are not uuids): a malformed one is as unknown as a missing one. */
export async function cardIdParam(params: Promise<{ id: string }>): Promise<string> {
  const id = z.string().min(1).max(64).safeParse((await params).id);
  if (!id.success) throw new DomainError("not_found", "No such card.");
  return id.data;
}

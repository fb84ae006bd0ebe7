// The one error shape of the JSON API: { "error": { "code", "message" } }.
import { z } from "zod";

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  /** With validation_failed: field path -> message. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export type ErrorCode =
  | "bad_request"
  | "invalid_json"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal";

/**
 * A refusal by the domain: a code of the API's error shape, a sentence for the person using
 * the app, and details sent along with it. It carries no HTTP status: the HTTP shell maps
 * codes to statuses (lib/http/errors.ts), and pages decide what a code means for them.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const words = (text: string) =>
  text.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** "learningSteps.1" as a person would say it: "Learning steps, item 2". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const label = path.map((p) => (typeof p === "number" ? `item ${p + 1}` : words(String(p)).join(" "))).join(", ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Does the message already name its field ("New cards per day must be …" for newPerDay)? */
function namesField(message: string, path: readonly PropertyKey[]): boolean {
  const key = [...path].reverse().find((p): p is string => typeof p === "string");
  if (key === undefined) return true;
  const keyWords = words(key);
  const said = new Set(words(message));
  // "timezone" is named by "time zone": compare without spaces too.
  return keyWords.every((w) => said.has(w)) || message.toLowerCase().replace(/[^a-z0-9]/g, "").includes(keyWords.join(""));
}

/**
 * Turns a zod error into readable sentences: a message that names its field stands alone,
 * any other is introduced by the field's label ("Learning steps, item 2: …"), never by its
 * JSON path ("newPerDay: …"), which means nothing to a person reading the form.
 */
export function describeZodError(error: z.ZodError): string {
  const sentence = (i: z.core.$ZodIssue) => (namesField(i.message, i.path) ? i.message : `${fieldLabel(i.path)}: ${i.message}`);
  return [...new Set(error.issues.map(sentence))].join("; ");
}

/** Field path -> message, for clients that put each message next to its input. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [i.path.join(".") || "_", i.message]));
}

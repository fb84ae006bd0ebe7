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

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS[code];
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

export function toErrorBody(err: unknown): { status: number; body: ErrorBody & Record<string, unknown> } {
  if (err instanceof ApiError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message }, ...err.details } };
  }
  if (err instanceof z.ZodError) {
    return { status: 422, body: { error: { code: "validation_failed", message: describeZodError(err) }, fields: zodFieldErrors(err) } };
  }
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on the server. Please try again." } } };
}

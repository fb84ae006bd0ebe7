// The HTTP side of errors: which status each code of the error shape answers with, and the
// body sent for any error (domain refusals, zod validation, anything else as a 500 that
// leaks nothing).
import { z } from "zod";
import { describeZodError, DomainError, zodFieldErrors, type ErrorBody, type ErrorCode } from "@/lib/api/errors";

export const HTTP_STATUS: Record<ErrorCode, number> = {
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

export function toErrorBody(err: unknown): { status: number; body: ErrorBody & Record<string, unknown> } {
  if (err instanceof DomainError) {
    return { status: HTTP_STATUS[err.code], body: { error: { code: err.code, message: err.message }, ...err.details } };
  }
  if (err instanceof z.ZodError) {
    return { status: 422, body: { error: { code: "validation_failed", message: describeZodError(err) }, fields: zodFieldErrors(err) } };
  }
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on the server. Please try again." } } };
}

/** The status `err` is answered with. */
export const httpStatus = (err: unknown): number => toErrorBody(err).status;

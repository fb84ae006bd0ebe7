// The HTTP shell shared by every route handler: parse and bound the body, validate with
// zod, map domain errors to the API's error shape, never leak a stack trace.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { ApiError, toErrorBody } from "@/lib/api/errors";

const MAX_JSON_BYTES = 64 * 1024;

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

/** 415 unless the request says its body is JSON. */
export function requireJsonType(contentType: string | null | undefined): void {
  if (!(contentType ?? "").toLowerCase().includes("application/json")) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
}

export const bodyTooLarge = (maxBytes: number) => new ApiError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);

/** A body's text as JSON, validated: 400 invalid_json, 422 from zod. */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
  return schema.parse(body);
}

export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  requireJsonType(req.headers.get("content-type"));
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw bodyTooLarge(maxBytes);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw bodyTooLarge(maxBytes);
  return parseJsonBody(text, schema);
}

type Ctx<P> = { params: Promise<P> };

/** Wraps a route handler so that every failure answers in the API's error shape. */
export function handle<P = Record<string, string>>(
  fn: (req: Request, ctx: Ctx<P>) => Promise<Response>,
): (req: Request, ctx: Ctx<P>) => Promise<Response> {
  return async (req, ctx) => {
    try {
      return await fn(req, ctx);
    } catch (err) {
      const { status, body } = toErrorBody(err);
      if (status >= 500) console.error(`[api] ${req.method} ${new URL(req.url).pathname}:`, err);
      return json(body, status);
    }
  };
}

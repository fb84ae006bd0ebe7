// The HTTP shell shared by every route handler: refuse cross-site writes and unstorable
// path parameters, read the body bounded while it streams, validate it with zod, map domain
// errors to the API's error shape, never leak a stack trace.
import type { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { describeUnstorable, findUnstorableText } from "@/lib/api/text";
import { configuredOrigin } from "@/lib/config/app-origin";
import { refuseUnstorableParams } from "./ids";
import { toHttpError } from "./unavailable";

const MAX_JSON_BYTES = 64 * 1024;

/**
 * After a body passed its limit, how much more of it is read and dropped: a client still
 * sending can then read the 413 and keep its connection. Past this the stream is cancelled,
 * which closes the connection, so an endless body costs neither memory nor time for long.
 */
export const DRAIN_AFTER_REFUSAL_BYTES = 8 * 1024 * 1024;

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

// RFC 9110 §8.3.1: media-type = type "/" subtype parameters, parameters = *( OWS ";" OWS
// [ token "=" ( token / quoted-string ) ] ).
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[\\t !#-\\[\\]-~\\x80-\\xff]|\\\\[\\t !-~\\x80-\\xff])*"';
const PARAMETERS = `(?:[ \\t]*;[ \\t]*(?:${TOKEN}=(?:${TOKEN}|${QUOTED}))?)*`;
const ESSENCE = new RegExp(`^[ \\t]*(${TOKEN}/${TOKEN})[ \\t]*(?:;|$)`);
// JSON is checked exactly, parameters included, because the loose check before it ("contains
// application/json") took `text/plain; application/json` for JSON: a type any page may send
// to another origin without a CORS preflight, which is what let cross-site writes in.
const JSON_TYPE = new RegExp(`^[ \\t]*application/json${PARAMETERS}[ \\t]*$`, "i");

/**
 * The media type's essence ("multipart/form-data"), lower-case, or null when there is none.
 * Its parameters are not examined here (a multipart boundary may hold characters a token
 * may not), just as browsers read the essence.
 */
export function mediaType(contentType: string | null | undefined): string | null {
  return ESSENCE.exec(contentType ?? "")?.[1]?.toLowerCase() ?? null;
}

/** Is this Content-Type exactly JSON: `application/json`, with well-formed parameters (charset) or none? */
export function isJsonType(contentType: string | null | undefined): boolean {
  return JSON_TYPE.test(contentType ?? "");
}

/** 415 unless the request says its body is JSON. */
export function requireJsonType(contentType: string | null | undefined): void {
  if (!isJsonType(contentType)) {
    throw new DomainError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Is `origin` (an Origin header) this app's: the request's own host, or NEXTAUTH_URL's origin? */
function isOwnOrigin(origin: string, host: string | null | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file: pages, privacy redirects) and garbage
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.origin === configuredOrigin()) return true;
  if (!host) return false;
  try {
    // Host has no scheme, so host and port are compared, read with the Origin's scheme so
    // that default ports compare equal: a page of the same host and port under the other
    // scheme would pass, but that is the same server's operator, not another site.
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

/**
 * 403 for a state-changing request (POST, PUT, PATCH, DELETE) that a page of another origin
 * made the browser send: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the app's
 * own. Cookies go along with such requests (SameSite=Lax still sends them from another port
 * of the same host), so the session alone proves nothing. A request with neither header (curl,
 * scripts, server to server) is no browser acting for someone else, and is allowed.
 */
export function refuseCrossSite(method: string | undefined, header: (name: string) => string | null | undefined): void {
  if (!STATE_CHANGING.has((method ?? "").toUpperCase())) return;
  const site = header("sec-fetch-site");
  const origin = header("origin");
  if (site?.trim().toLowerCase() === "cross-site" || (origin != null && !isOwnOrigin(origin.trim(), header("host")))) {
    throw new DomainError("forbidden", "This request came from a page of another origin (another site), so it was refused. Use the app's own pages, or send it without an Origin header from a script.");
  }
}

export const bodyTooLarge = (maxBytes: number) => new DomainError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);

/** A Content-Length header over the limit: refused before reading anything. */
export function declaredTooLarge(contentLength: string | null | undefined, maxBytes: number): boolean {
  return Number(contentLength ?? "0") > maxBytes;
}

async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    let dropped = 0;
    while (dropped <= DRAIN_AFTER_REFUSAL_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to drop.
  }
}

/**
 * The body's bytes, never more than `maxBytes` of them held: 413 (`tooLarge`) for a declared
 * Content-Length over the limit before reading, and for a streamed (chunked) body as soon as
 * it passes the limit, without waiting for its end. Every body the API reads comes through here
 * (JSON, multipart); a route that refuses a request before reading its body (401, 403, 404)
 * never reads it, and the server drops the unread rest without buffering it.
 */
export async function readBody(req: Request, maxBytes: number, tooLarge: () => DomainError = () => bodyTooLarge(maxBytes)): Promise<Uint8Array<ArrayBuffer>> {
  if (declaredTooLarge(req.headers.get("content-length"), maxBytes)) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new DomainError("bad_request", "The request body could not be read (the upload was interrupted).");
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      // Not awaited: the 413 goes out now, while the client may still be sending.
      void dropRest(reader);
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks, size);
}

/** UTF-8 as fetch's Request.text() decodes it: a leading byte-order mark dropped, bad bytes as U+FFFD. */
export function decodeBody(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * A body's text as JSON, validated: 400 invalid_json; 422 for any string (or field name) with
 * a NUL or a lone surrogate, which Postgres cannot store, checked here once for every route
 * whatever its schema; then 422 from zod.
 */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DomainError("invalid_json", "The body is not valid JSON.");
  }
  const unstorable = findUnstorableText(body);
  if (unstorable) {
    const { field, message } = describeUnstorable(unstorable);
    throw new DomainError("validation_failed", message, { fields: { [field]: message } });
  }
  return schema.parse(body);
}

export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  requireJsonType(req.headers.get("content-type"));
  return parseJsonBody(decodeBody(await readBody(req, maxBytes)), schema);
}

/** A multipart/form-data body, bounded as readBody bounds it (undici's formData() reads it whole first). */
export async function readFormData(req: Request, maxBytes: number, tooLarge?: () => DomainError): Promise<FormData> {
  const bytes = await readBody(req, maxBytes, tooLarge);
  try {
    return await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new DomainError("bad_request", "The upload could not be read as form data.");
  }
}

type Ctx<P> = { params: Promise<P> };

/**
 * Wraps a route handler so that every failure answers in the API's error shape. Before the
 * handler runs: cross-site writes get 403 and unstorable path parameters 422.
 */
export function handle<P = Record<string, string>>(
  fn: (req: Request, ctx: Ctx<P>) => Promise<Response>,
): (req: Request, ctx: Ctx<P>) => Promise<Response> {
  return async (req, ctx) => {
    try {
      refuseCrossSite(req.method, (name) => req.headers.get(name));
      // Routes without dynamic segments may be given no params at all.
      refuseUnstorableParams(await (ctx as Partial<Ctx<P>> | undefined)?.params);
      return await fn(req, ctx);
    } catch (err) {
      // A database outage is 503 + Retry-After (unavailable.ts), not logged per request: the
      // supervisor logs the outage once.
      const { status, body, headers } = toHttpError(err);
      if (status === 500) console.error(`[api] ${req.method} ${new URL(req.url).pathname}:`, err);
      const res = json(body, status);
      for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
      return res;
    }
  };
}

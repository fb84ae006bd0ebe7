// handler.ts's shell for a Pages Router API route (pages/api/): the same error shape,
// cross-site refusal, body bounds, JSON and zod checks, and no stack traces, on Node's
// request and response. Only Node's own ServerResponse API is used, so a plain node:http
// server can test it.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { toHttpError } from "./unavailable";
import { DRAIN_AFTER_REFUSAL_BYTES, bodyTooLarge, declaredTooLarge, decodeBody, parseJsonBody, refuseCrossSite, requireJsonType } from "./handler";

function send(res: ServerResponse, status: number, data: unknown): void {
  const body = JSON.stringify(data);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

/** A header as one string (a repeated one joined, as fetch's Headers would). */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The body's bytes, bounded while they stream: handler.ts's readBody on a Node request. */
function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (declaredTooLarge(header(req, "content-length"), maxBytes)) return Promise.reject(bodyTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop buffering and answer now. The rest is dropped so that a client still sending
      // can read the 413 and keep its connection, up to a bound past which it is closed.
      req.off("data", onData);
      let dropped = 0;
      req.on("data", (rest: Buffer) => {
        dropped += rest.length;
        if (dropped > DRAIN_AFTER_REFUSAL_BYTES) req.destroy();
      });
      reject(bodyTooLarge(maxBytes));
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    // The client went away mid-body: its fault, not the server's (handler.ts says the same).
    req.on("error", () => reject(new DomainError("bad_request", "The request body could not be read (the upload was interrupted).")));
  });
}

/** The JSON body, bounded and validated (415, 413, 400 invalid_json, 422). */
export async function readNodeJson<S extends z.ZodType>(req: IncomingMessage, schema: S, maxBytes: number): Promise<z.infer<S>> {
  requireJsonType(header(req, "content-type"));
  return parseJsonBody(decodeBody(await readBytes(req, maxBytes)), schema);
}

/**
 * A Pages API route answering `method` only (405 with Allow otherwise, as App Router
 * handlers do): cross-site writes are refused first (403), then the handler's result is
 * sent as JSON, any failure in the API's error shape.
 */
export function nodeRoute(method: string, fn: (req: IncomingMessage) => Promise<unknown>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== method) {
      res.statusCode = 405;
      res.setHeader("Allow", method);
      res.end();
      return;
    }
    try {
      refuseCrossSite(req.method, (name) => header(req, name));
      send(res, 200, await fn(req));
    } catch (err) {
      // 503 + Retry-After while the database is down (unavailable.ts); only 500s are logged.
      const { status, body, headers } = toHttpError(err);
      if (status === 500) console.error(`[api] ${req.method} ${req.url}:`, err);
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      send(res, status, body);
    }
  };
}

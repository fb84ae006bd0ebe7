// handler.ts's shell for a Pages Router API route (pages/api/): the same error shape,
// body bounds, JSON and zod checks, and no stack traces, on Node's request and response.
// Only Node's own ServerResponse API is used, so a plain node:http server can test it.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { toErrorBody } from "@/lib/api/errors";
import { bodyTooLarge, parseJsonBody, requireJsonType } from "./handler";

function send(res: ServerResponse, status: number, data: unknown): void {
  const body = JSON.stringify(data);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(req.headers["content-length"] ?? "0") > maxBytes) return Promise.reject(bodyTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; the rest is drained and dropped so the connection stays usable.
        req.removeAllListeners("data");
        req.resume();
        reject(bodyTooLarge(maxBytes));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The JSON body, bounded and validated (415, 413, 400 invalid_json, 422). */
export async function readNodeJson<S extends z.ZodType>(req: IncomingMessage, schema: S, maxBytes: number): Promise<z.infer<S>> {
  requireJsonType(req.headers["content-type"]);
  return parseJsonBody(await readText(req, maxBytes), schema);
}

/**
 * A Pages API route answering `method` only (405 with Allow otherwise, as App Router
 * handlers do): the handler's result is sent as JSON, any failure in the API's error shape.
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
      send(res, 200, await fn(req));
    } catch (err) {
      const { status, body } = toErrorBody(err);
      if (status >= 500) console.error(`[api] ${req.method} ${req.url}:`, err);
      send(res, status, body);
    }
  };
}

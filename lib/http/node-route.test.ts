// nodeRoute() on a real node:http server: the same answers as the App Router shell.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/api/errors";
import { DRAIN_AFTER_REFUSAL_BYTES } from "./handler";
import { crossSiteRequests, itChecksJsonBodies, TEST_APP_URL, TEST_LIMIT, testSchema } from "./json-refusals";
import { nodeRoute, readNodeJson } from "./node-route";

beforeAll(() => void vi.stubEnv("NEXTAUTH_URL", TEST_APP_URL));
afterAll(() => void vi.unstubAllEnvs());

const route = nodeRoute("POST", async (req) => {
  if (req.url === "/missing") throw new DomainError("not_found", "No such card.");
  if (req.url === "/boom") throw new Error("secret internals at /srv/app.ts:12");
  return { echoed: await readNodeJson(req, testSchema, TEST_LIMIT) };
});

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: string, type = "application/json", path = "/") =>
  fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": type } });

describe("Pages API route shell", () => {
  it("answers the handler's result as JSON that is never cached", async () => {
    const res = await post(`{"n": 2}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ echoed: { n: 2 } });
  });

  itChecksJsonBodies(post);

  it.each(crossSiteRequests)("a write from %s (%j)", async (_what, headers, refused) => {
    // node:http, not fetch: the test sets Host and Origin itself.
    const url = new URL(base);
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method: "POST", headers: { ...headers, "content-type": "application/json" } }, (r) => {
        let body = "";
        r.on("data", (c: Buffer) => (body += c.toString()));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end(`{"n": 2}`);
    });
    if (!refused) return expect(res.status).toBe(200);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/another origin/) } });
  });

  it("answers an endless chunked body 413 while it is still being sent, and closes it after a bounded drain", async () => {
    const url = new URL(base);
    const req = http.request({ host: url.hostname, port: url.port, method: "POST", agent: false, headers: { "content-type": "application/json" } });
    let sent = 0;
    let status = 0;
    let closed = false;
    const answered = new Promise<void>((resolve) => req.on("response", (r) => ((status = r.statusCode ?? 0), r.resume(), resolve())));
    req.on("error", () => (closed = true));
    req.on("close", () => (closed = true));
    const chunk = Buffer.alloc(64 * 1024, "x");
    req.write(`{"n": 1, "pad": "`);
    // Paced writes until the answer; the limit is 100 bytes, so it must come long before 64 MiB.
    while (!status && sent < 64 * 1024 * 1024) {
      sent += chunk.length;
      if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
      await new Promise((r) => setImmediate(r));
    }
    await answered;
    expect(status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    // Keep sending: the server drops up to DRAIN_AFTER_REFUSAL_BYTES more, then closes.
    const stopAt = sent + 4 * DRAIN_AFTER_REFUSAL_BYTES;
    while (!closed && sent < stopAt) {
      sent += chunk.length;
      if (!req.write(chunk)) await Promise.race([new Promise((r) => req.once("drain", r)), new Promise((r) => setTimeout(r, 200))]);
    }
    expect(closed).toBe(true);
    req.destroy();
  });

  it("refuses a streamed body past the limit even without a Content-Length", async () => {
    const chunks = [`{"n": 1, "pad": "`, "x".repeat(80), "x".repeat(80), `"}`];
    const body = new ReadableStream({
      pull(c) {
        const next = chunks.shift();
        if (next === undefined) c.close();
        else c.enqueue(new TextEncoder().encode(next));
      },
    });
    const res = await fetch(base, { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    // The connection still serves the next request.
    expect((await post(`{"n": 3}`)).status).toBe(200);
  });

  it("maps domain errors to their status and hides unexpected ones without a stack trace", async () => {
    const missing = await post(`{"n": 1}`, "application/json", "/missing");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "No such card." } });

    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const boom = await post(`{"n": 1}`, "application/json", "/boom");
      expect(boom.status).toBe(500);
      const text = await boom.text();
      expect(text).not.toMatch(/internals|app\.ts/);
      expect(JSON.parse(text)).toMatchObject({ error: { code: "internal" } });
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
  });

  it("answers other methods 405 with Allow, without running the handler", async () => {
    const res = await fetch(base, { method: "GET" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});

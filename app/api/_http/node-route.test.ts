// nodeRoute() on a real node:http server: the same answers as the App Router shell.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { expectRefusal, refusedBodies, TEST_LIMIT, testSchema } from "./json-refusals";
import { nodeRoute, readNodeJson } from "./node-route";

const route = nodeRoute("POST", async (req) => {
  if (req.url === "/missing") throw new ApiError("not_found", "No such card.");
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

  it.each(refusedBodies)("refuses %s (%s) with %i %s", async (body, type, status, code, message) => {
    await expectRefusal(await post(body, type), status, code, message);
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

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/api/errors";
import { crossSiteRequests, expectRefusal, itChecksJsonBodies, TEST_APP_URL, TEST_LIMIT, testSchema } from "./json-refusals";
import { DRAIN_AFTER_REFUSAL_BYTES, handle, json, mediaType, readFormData, readJson } from "./handler";

beforeAll(() => void vi.stubEnv("NEXTAUTH_URL", TEST_APP_URL));
afterAll(() => void vi.unstubAllEnvs());

const echo = handle(async (req) => json(await readJson(req, testSchema, TEST_LIMIT)));
const ctx = { params: Promise.resolve({}) };
const post = (body: string, type = "application/json", headers: Record<string, string> = {}) =>
  echo(new Request("http://x/api/echo", { method: "POST", body, headers: { "content-type": type, ...headers } }), ctx);

/** A body of `chunks` chunks of `size` bytes, counting how many the reader pulled. */
function countedStream(chunks: number, size: number, first = `{"n": 1, "pad": "`) {
  const pulled = { chunks: 0, cancelled: false };
  let left = chunks;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      pulled.chunks++;
      if (left-- <= 0) c.close();
      else c.enqueue(new TextEncoder().encode(pulled.chunks === 1 ? first : "x".repeat(size)));
    },
    cancel() {
      pulled.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, pulled };
}

const streamed = (body: ReadableStream<Uint8Array>, type = "application/json") =>
  new Request("http://x/api/echo", { method: "POST", body, headers: { "content-type": type }, duplex: "half" } as RequestInit);

describe("route handler shell", () => {
  it("passes valid JSON through", async () => {
    const res = await post(`{"n": 2}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 2 });
  });

  itChecksJsonBodies(post);

  it("accepts a byte-order mark", async () => {
    expect((await post(`\uFEFF{"n": 2}`)).status).toBe(200);
  });

  it("names the offending field in `fields` for NUL characters", async () => {
    const res = await post(`{"n": 1, "list": ["ok", "a\\u0000"]}`);
    expect(await res.json()).toEqual({
      error: { code: "validation_failed", message: "list.1 must not contain NUL characters (U+0000)" },
      fields: { "list.1": "list.1 must not contain NUL characters (U+0000)" },
    });
  });

  it("reads the media type's essence without judging its parameters", () => {
    expect(mediaType("Multipart/Form-Data; boundary=--a:b/c")).toBe("multipart/form-data");
    expect(mediaType("text/plain; application/json")).toBe("text/plain");
    expect(mediaType("text/plain, application/json")).toBeNull();
    expect(mediaType(null)).toBeNull();
  });

  it("refuses a streamed body as soon as it passes the limit, without reading it to its end", async () => {
    // 100,000 chunks of 50 bytes (5 MB) against a 100-byte limit: 413 after the third chunk.
    // (The Request's own stream pulls a few chunks ahead of the reader, hence the margin.)
    const { stream, pulled } = countedStream(100_000, 50);
    const res = await echo(streamed(stream), ctx);
    await expectRefusal(res, 413, "payload_too_large", /larger than 100 bytes/);
    expect(pulled.chunks).toBeLessThan(100);
  });

  it("drops a bounded amount of an endless body after the 413, then cancels it", async () => {
    const size = 64 * 1024;
    const { stream, pulled } = countedStream(Number.MAX_SAFE_INTEGER, size);
    await expectRefusal(await echo(streamed(stream), ctx), 413, "payload_too_large", /larger than 100 bytes/);
    await vi.waitFor(() => expect(pulled.cancelled).toBe(true));
    expect(pulled.chunks * size).toBeLessThan(DRAIN_AFTER_REFUSAL_BYTES + 4 * size);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const { stream, pulled } = countedStream(3, 10);
    const req = new Request("http://x/api/echo", { method: "POST", body: stream, headers: { "content-type": "application/json", "content-length": "5000" }, duplex: "half" } as RequestInit);
    await expectRefusal(await echo(req, ctx), 413, "payload_too_large", /larger than 100 bytes/);
    expect(pulled.chunks).toBe(0);
  });

  it("bounds multipart bodies the same way, and reads one within the limit", async () => {
    const read = handle(async (req) => json({ file: await (((await readFormData(req, 2000)).get("file")) as File).text() }));
    const form = new FormData();
    form.set("file", new File(["Stalin ruled from 1924."], "notes.txt"));
    const small = new Request("http://x/api/upload", { method: "POST", body: form });
    expect(await (await read(small, ctx)).json()).toEqual({ file: "Stalin ruled from 1924." });

    const boundary = "b0undary";
    const { stream, pulled } = countedStream(100_000, 1000, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n`);
    const big = await read(streamed(stream, `multipart/form-data; boundary=${boundary}`), ctx);
    await expectRefusal(big, 413, "payload_too_large", /larger than 2000 bytes/);
    expect(pulled.chunks).toBeLessThan(100);
  });

  describe("cross-site writes", () => {
    const ok = handle(async () => json({ ok: true }));
    const send = (method: string, headers: Record<string, string>) =>
      ok(new Request("http://x/api/thing", { method, headers, body: method === "GET" ? undefined : `{}` }), ctx);

    it.each(crossSiteRequests)("a write from %s (%j)", async (_what, headers, refused) => {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const res = await send(method, headers);
        if (refused) await expectRefusal(res, 403, "forbidden", /another origin/);
        else expect(res.status).toBe(200);
      }
    });

    it("lets reads through from anywhere, and refuses before the handler runs", async () => {
      expect((await send("GET", { host: "localhost:3000", origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(200);
      let ran = false;
      const guarded = handle(async () => {
        ran = true;
        return json({});
      });
      const res = await guarded(new Request("http://x/", { method: "POST", headers: { host: "localhost:3000", origin: "https://evil.example" } }), ctx);
      expect(res.status).toBe(403);
      expect(ran).toBe(false);
    });
  });

  it("refuses path parameters with NUL characters or lone surrogates (422) before the handler runs, and passes others", async () => {
    let ran = 0;
    const route = handle<{ id: string | string[] }>(async (_req, { params }) => {
      ran++;
      return json(await params);
    });
    const get = (id: string | string[]) => route(new Request("http://x/api/cards/x"), { params: Promise.resolve({ id }) });
    for (const id of ["\u0000", "abc\u0000", "\ud800", "x\udfff", ["ok", "\u0000"]]) {
      const res = await get(id);
      await expectRefusal(res, 422, "validation_failed", /^path parameter id(\.1)? must not contain/);
    }
    expect(ran).toBe(0);
    expect(await (await get("card-\u{1F600}")).json()).toEqual({ id: "card-\u{1F600}" });
    // A route without dynamic segments may get no params at all.
    expect((await handle(async () => json({}))(new Request("http://x/"), undefined as unknown as typeof ctx)).status).toBe(200);
  });

  it("maps domain errors to their status and hides unexpected ones without a stack trace", async () => {
    const notFound = await handle(async () => {
      throw new DomainError("not_found", "No such deck.");
    })(new Request("http://x/"), ctx);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: "not_found", message: "No such deck." } });

    const original = console.error;
    console.error = () => {};
    const crash = await handle(async () => {
      throw new Error("secret internals at /srv/app.ts:12");
    })(new Request("http://x/"), ctx);
    console.error = original;
    expect(crash.status).toBe(500);
    const text = await crash.text();
    expect(text).not.toMatch(/secret internals|\.ts:\d+/);
    expect(JSON.parse(text).error.code).toBe("internal");
  });
});

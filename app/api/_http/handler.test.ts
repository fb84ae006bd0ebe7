import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { handle, json, readJson } from "./handler";

const schema = z.object({ n: z.number().int().min(1) });
const echo = handle(async (req) => json(await readJson(req, schema, 100)));
const ctx = { params: Promise.resolve({}) };
const post = (body: string, type = "application/json") =>
  echo(new Request("http://x/api/echo", { method: "POST", body, headers: { "content-type": type } }), ctx);

describe("route handler shell", () => {
  it("passes valid JSON through", async () => {
    const res = await post(`{"n": 2}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 2 });
  });

  it.each([
    [`{"n": 0}`, "application/json", 422, "validation_failed", /Too small/],
    [`{"n": `, "application/json", 400, "invalid_json", /not valid JSON/],
    [`n=1`, "application/x-www-form-urlencoded", 415, "unsupported_media_type", /JSON/],
    [`{"n": 1, "pad": "${"x".repeat(200)}"}`, "application/json", 413, "payload_too_large", /larger than 100 bytes/],
  ])("refuses %s with %s", async (body, type, status, code, message) => {
    const res = await post(body, type);
    expect(res.status).toBe(status);
    const data = (await res.json()) as { error: { code: string; message: string } };
    expect(data.error.code).toBe(code);
    expect(data.error.message).toMatch(message);
  });

  it("maps domain errors to their status and hides unexpected ones without a stack trace", async () => {
    const notFound = await handle(async () => {
      throw new ApiError("not_found", "No such deck.");
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

import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { expectRefusal, refusedBodies, TEST_LIMIT, testSchema } from "./json-refusals";
import { handle, json, readJson } from "./handler";

const echo = handle(async (req) => json(await readJson(req, testSchema, TEST_LIMIT)));
const ctx = { params: Promise.resolve({}) };
const post = (body: string, type = "application/json") =>
  echo(new Request("http://x/api/echo", { method: "POST", body, headers: { "content-type": type } }), ctx);

describe("route handler shell", () => {
  it("passes valid JSON through", async () => {
    const res = await post(`{"n": 2}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 2 });
  });

  it.each(refusedBodies)("refuses %s (%s) with %i %s", async (body, type, status, code, message) => {
    await expectRefusal(await post(body, type), status, code, message);
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

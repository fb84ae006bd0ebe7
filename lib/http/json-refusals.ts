// Test data shared by both API shells' tests (handler.test.ts, node-route.test.ts): a small
// schema, a 100-byte limit, the bodies and requests each shell must refuse, with the answer
// expected, and the ones each must accept.
import { expect, it } from "vitest";
import { z } from "zod";

export const testSchema = z.object({ n: z.number().int().min(1) });
export const TEST_LIMIT = 100;

/** The shells' tests run with this as NEXTAUTH_URL: a public origin other than the request's Host. */
export const TEST_APP_URL = "https://cards.example.org";

export const refusedBodies: [body: string, type: string, status: number, code: string, message: RegExp][] = [
  [`{"n": 0}`, "application/json", 422, "validation_failed", /Too small/],
  [`{"n": `, "application/json", 400, "invalid_json", /not valid JSON/],
  [`n=1`, "application/x-www-form-urlencoded", 415, "unsupported_media_type", /JSON/],
  [`{"n": 1, "pad": "${"x".repeat(200)}"}`, "application/json", 413, "payload_too_large", /larger than 100 bytes/],
  // Types a page may send to another origin without a preflight, or malformed ones, that a
  // loose "contains application/json" check took for JSON (issue 12, defect 3).
  ...[
    "text/plain; application/json",
    "text/plain;application/json",
    "text/plain, application/json",
    "application/x-www-form-urlencoded; application/json",
    "multipart/form-data; boundary=application/json",
    "text/plain; charset=application/json",
    "application/json; text/plain",
    "application/json, text/plain",
    "application/jsonx",
    "application/json-seq",
    "xapplication/json",
    "",
  ].map((type): [string, string, number, string, RegExp] => [`{"n": 1}`, type, 415, "unsupported_media_type", /Content-Type: application\/json/]),
  // Text Postgres cannot store, anywhere in the body, whatever the schema (issue 12, defect 5).
  [`{"n": 1, "s": "a\\u0000b"}`, "application/json", 422, "validation_failed", /^s must not contain NUL/],
  [`{"n": 1, "s": "\\ud800"}`, "application/json", 422, "validation_failed", /^s must not contain unpaired UTF-16 surrogates/],
  [`{"n": 1, "a": [{"b": "x\\udc00"}]}`, "application/json", 422, "validation_failed", /^a\.0\.b must not contain unpaired/],
  [`{"n": 1, "a": {"k\\u0000": 1}}`, "application/json", 422, "validation_failed", /^field names in a must not contain NUL/],
  [`"\\u0000"`, "application/json", 422, "validation_failed", /^the body must not contain NUL/],
];

/** JSON, however its parameters are written. */
export const acceptedTypes = [
  "application/json",
  "Application/JSON",
  "application/json; charset=utf-8",
  "application/json;charset=UTF-8",
  'application/json; charset="utf-8"',
  "application/json ;charset=utf-8; ",
];

/** A pair of code units that is one character (U+1F600) is fine; only lone ones are refused. */
export const acceptedBody = `{"n": 2, "s": "\\ud83d\\ude00 Ça va"}`;

/**
 * State-changing requests (POST) with the headers browsers add: refused when another origin
 * sent them, allowed from the app's own origin (Host or NEXTAUTH_URL) and without any.
 */
export const crossSiteRequests: [what: string, headers: Record<string, string>, refused: boolean][] = [
  ["another port of the same host", { host: "localhost:3000", origin: "http://localhost:4000" }, true],
  ["another host", { host: "localhost:3000", origin: "https://evil.example" }, true],
  ["an opaque origin", { host: "localhost:3000", origin: "null" }, true],
  ["a cross-site fetch, no Origin", { host: "localhost:3000", "sec-fetch-site": "cross-site" }, true],
  ["a cross-site fetch with a forged same Origin", { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "cross-site" }, true],
  ["the app's own page", { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }, false],
  ["the app's own page on a default port", { host: "localhost", origin: "http://localhost" }, false],
  ["the public URL behind a proxy", { host: "10.0.0.5:3000", origin: TEST_APP_URL }, false],
  ["a script (no Origin, no Sec-Fetch-Site)", { host: "localhost:3000" }, false],
];

/** The answer to a refused body: its status, and the API's error shape with code and message. */
export async function expectRefusal(res: Response, status: number, code: string, message: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  const data = (await res.json()) as { error: { code: string; message: string } };
  expect(data.error.code).toBe(code);
  expect(data.error.message).toMatch(message);
}

/** The body checks both shells must pass alike (handler.test.ts, node-route.test.ts): `post` sends a body with a content type. */
export function itChecksJsonBodies(post: (body: string, type?: string) => Promise<Response>): void {
  it.each(refusedBodies)("refuses %s (%s) with %i %s", async (body, type, status, code, message) => {
    await expectRefusal(await post(body, type), status, code, message);
  });

  it.each(acceptedTypes)("takes %s for JSON", async (type) => {
    expect((await post(`{"n": 2}`, type)).status).toBe(200);
  });

  it("accepts a character outside the BMP (a surrogate pair)", async () => {
    expect((await post(acceptedBody)).status).toBe(200);
  });
}

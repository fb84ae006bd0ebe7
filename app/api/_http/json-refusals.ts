// Test data shared by both API shells' tests (handler.test.ts, node-route.test.ts): a small
// schema, a 100-byte limit, and the bodies each shell must refuse, with the answer expected.
import { expect } from "vitest";
import { z } from "zod";

export const testSchema = z.object({ n: z.number().int().min(1) });
export const TEST_LIMIT = 100;

export const refusedBodies: [body: string, type: string, status: number, code: string, message: RegExp][] = [
  [`{"n": 0}`, "application/json", 422, "validation_failed", /Too small/],
  [`{"n": `, "application/json", 400, "invalid_json", /not valid JSON/],
  [`n=1`, "application/x-www-form-urlencoded", 415, "unsupported_media_type", /JSON/],
  [`{"n": 1, "pad": "${"x".repeat(200)}"}`, "application/json", 413, "payload_too_large", /larger than 100 bytes/],
];

/** The answer to a refused body: its status, and the API's error shape with code and message. */
export async function expectRefusal(res: Response, status: number, code: string, message: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  const data = (await res.json()) as { error: { code: string; message: string } };
  expect(data.error.code).toBe(code);
  expect(data.error.message).toMatch(message);
}

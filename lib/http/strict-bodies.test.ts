// Unknown fields in a JSON body answer 422 on every route (issue 12, "Unknown fields"),
// `__proto__` and `constructor` included: JSON.parse keeps `__proto__` as an own key, and a
// schema that does not look at own keys (a record with enum keys did) let it through as
// "nothing sent", so `PUT /api/settings {"__proto__": …}` answered 200.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addCardsSchema, createDeckSchema, documentSchema, editCardSchema, updateDeckSchema } from "@/lib/api/authoring";
import { accommodationSchema, createAssignmentSchema, createClassSchema, joinClassSchema, updateAssignmentSchema, updateClassSchema } from "@/lib/api/classes";
import { DomainError } from "@/lib/api/errors";
import { toErrorBody } from "./errors";
import { answerRequestSchema, createAttemptSchema } from "@/lib/api/quiz";
import { gradeRequestSchema, undoRequestSchema } from "@/lib/api/review";
import { registerSchema } from "@/lib/auth/register";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { settingsPatchSchema, updateSettings } from "@/lib/learner/settings-store";
import { parseJsonBody } from "./handler";

const ID = "00000000-0000-4000-8000-000000000001";
const basic = { kind: "BASIC", prompt: "Front", answer: "Back" };

// Every request body schema a route reads, with a body it accepts.
const bodies: [route: string, schema: z.ZodType, valid: Record<string, unknown>][] = [
  ["PUT /api/settings", settingsPatchSchema, { newPerDay: 5 }],
  ["POST /api/register", z.strictObject(registerSchema.shape), { email: "a@b.org", password: "0123456789", name: "A" }],
  ["POST /api/review/grade", gradeRequestSchema, { cardId: "c", rating: 3, idempotencyKey: "key-0001", durationMs: 1, expectedVersion: 0 }],
  ["POST /api/review/undo", undoRequestSchema, { cardId: "c" }],
  ["POST /api/quiz/attempts (deck)", createAttemptSchema, { deckId: ID, count: 5, timeLimitSec: 60 }],
  ["POST /api/quiz/attempts (assignment)", createAttemptSchema, { assignmentId: ID }],
  ["POST /api/quiz/attempts/{id}/answers", answerRequestSchema, { questionId: ID, answer: { choice: 1 } }],
  ["POST /api/classes", createClassSchema, { name: "9B" }],
  ["PATCH /api/classes/{id}", updateClassSchema, { archived: true }],
  ["POST /api/classes/join", joinClassSchema, { code: "ABCD-EFGH" }],
  ["POST /api/assignments", createAssignmentSchema, { kind: "REVIEW", classId: ID, deckId: ID, dueAt: "2030-01-01T00:00:00Z", targetRecall: 0.9 }],
  ["PATCH /api/assignments/{id}", updateAssignmentSchema, { count: 10 }],
  ["PUT /api/assignments/{id}/accommodations/{userId}", accommodationSchema, { timeFactor: 2 }],
  ["POST /api/decks", createDeckSchema, { title: "T", cards: [basic] }],
  ["POST /api/decks/import/preview", documentSchema, { name: "a.txt", text: "x" }],
  ["PATCH /api/decks/{id}", updateDeckSchema, { title: "T" }],
  ["POST /api/decks/{id}/cards", addCardsSchema, { cards: [basic] }],
  ["PATCH /api/decks/{id}/cards/{cardId}", editCardSchema, { prompt: "P" }],
];

/** The body as a client sends it, with `extra` spliced in as raw JSON text (so `__proto__` is a real key). */
const withRaw = (valid: Record<string, unknown>, extra: string) => `{${extra},${JSON.stringify(valid).slice(1)}`;

function status(fn: () => unknown): number {
  try {
    fn();
    return 200;
  } catch (err) {
    return toErrorBody(err).status;
  }
}

describe("request bodies are strict", () => {
  for (const [route, schema, valid] of bodies) {
    it(`${route}: accepts its fields, refuses unknown ones (__proto__, constructor, nested) with 422`, () => {
      expect(status(() => parseJsonBody(JSON.stringify(valid), schema))).toBe(200);
      expect(status(() => parseJsonBody(withRaw(valid, `"__proto__": {"x": 1}`), schema))).toBe(422);
      expect(status(() => parseJsonBody(withRaw(valid, `"__proto__": null`), schema))).toBe(422);
      expect(status(() => parseJsonBody(withRaw(valid, `"constructor": {"prototype": {}}`), schema))).toBe(422);
      expect(status(() => parseJsonBody(withRaw(valid, `"surplus": 1`), schema))).toBe(422);
    });
  }

  it("nested objects are strict too (a card, a date)", () => {
    const card = `{"__proto__": {}, "kind": "BASIC", "prompt": "F", "answer": "B"}`;
    expect(status(() => parseJsonBody(`{"cards": [${card}]}`, addCardsSchema))).toBe(422);
    expect(status(() => parseJsonBody(`{"date": {"year": 1900, "constructor": 1}}`, editCardSchema))).toBe(422);
  });

  it("updateSettings refuses __proto__ before reading or writing anything", async () => {
    const calls: string[] = [];
    // A stand-in for Prisma: the refusal must come before any query.
    const db = {
      user: {
        findUnique: async () => (calls.push("findUnique"), { settings: {}, timezone: "UTC", rolloverHour: 4 }),
        update: async () => (calls.push("update"), {}),
      },
    } as unknown as PrismaClient;
    const refused = await updateSettings(db, "u", JSON.parse(`{"__proto__": {"newPerDay": 5}}`)).then(() => null, (err: unknown) => err);
    expect(refused).not.toBeNull();
    expect(toErrorBody(refused).status).toBe(422);
    expect(calls).toEqual([]);
    expect(refused instanceof DomainError || refused instanceof z.ZodError).toBe(true);
  });
});

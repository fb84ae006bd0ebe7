import { describe, expect, it } from "vitest";
import { describeUnstorable, findUnstorableText, unstorableText } from "./text";

describe("unstorableText", () => {
  it("refuses NUL characters and unpaired surrogates anywhere in a string", () => {
    for (const s of ["\u0000", "a\u0000", "\u0000b", "\ud800", "\udfff", "a\ud83d", "\ude00b", "\ude00\ud83d", "x\udbff\udbff\udc00"]) {
      expect(unstorableText(s), JSON.stringify(s)).not.toBeNull();
    }
    expect(unstorableText("a\u0000")).toMatch(/NUL/);
    expect(unstorableText("\ud800")).toMatch(/surrogate/);
  });

  it("accepts everything else: surrogate pairs, other control characters, right-to-left text, SQL-looking text", () => {
    for (const s of ["", "plain", "\u{1F600}", "\ud83d\ude00\ud83d\ude00", "\u0001\u001f\u007f", "\u202eمرحبا", "'; DROP TABLE users; --", "\uFFFD", "\uFEFF"]) {
      expect(unstorableText(s), JSON.stringify(s)).toBeNull();
    }
  });
});

describe("findUnstorableText", () => {
  it("finds the first bad string in a JSON value, with its path, field names included", () => {
    expect(findUnstorableText({ a: "ok", b: [1, "x", { c: "\u0000" }] })).toEqual({ path: ["b", 2, "c"], inName: false, problem: expect.stringMatching(/NUL/) });
    expect(findUnstorableText(["\ud800"])).toMatchObject({ path: [0], inName: false });
    expect(findUnstorableText({ a: { "b\u0000": 1 } })).toMatchObject({ path: ["a"], inName: true });
    expect(findUnstorableText("\udc00")).toMatchObject({ path: [] });
  });

  it("passes clean values of every JSON type", () => {
    expect(findUnstorableText({ s: "\u{1F600}", n: 1e308, b: true, z: null, a: [[], {}], __proto__: { x: "y" } })).toBeNull();
    for (const v of [null, 0, "", [], {}, true]) expect(findUnstorableText(v)).toBeNull();
  });

  it("walks deep nesting without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.path).toHaveLength(100_000);
  });

  it("describes the problem by field path, or the body", () => {
    expect(describeUnstorable({ path: ["cards", 0, "prompt"], inName: false, problem: "must not contain NUL characters (U+0000)" })).toEqual({
      field: "cards.0.prompt",
      message: "cards.0.prompt must not contain NUL characters (U+0000)",
    });
    expect(describeUnstorable({ path: [], inName: true, problem: "must not x" })).toEqual({ field: "_", message: "field names in the body must not x" });
  });
});

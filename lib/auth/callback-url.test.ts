import { describe, expect, it } from "vitest";
import { safeCallbackUrl, withCallback } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackUrl("/join?code=ABC123")).toBe("/join?code=ABC123");
  });
  it.each([undefined, "", "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", ["/a", "/b"]])(
    "sends %j home",
    (raw) => expect(safeCallbackUrl(raw)).toBe("/"),
  );
});

describe("withCallback", () => {
  it("carries the callback, encoded", () => {
    expect(withCallback("/register", "/join?code=ABC123")).toBe("/register?callbackUrl=%2Fjoin%3Fcode%3DABC123");
    expect(withCallback("/signin", "/")).toBe("/signin");
  });
});

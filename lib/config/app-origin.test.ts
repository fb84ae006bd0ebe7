import { describe, expect, it, vi } from "vitest";
import { configuredOrigin } from "./app-origin";

describe("configuredOrigin", () => {
  it("is null when the very first call finds NEXTAUTH_URL unset", async () => {
    vi.resetModules();
    const fresh = await import("./app-origin");
    expect(fresh.configuredOrigin(undefined)).toBeNull();
    expect(fresh.configuredOrigin("http://localhost:3000")).toBe("http://localhost:3000");
  });

  it("is NEXTAUTH_URL's origin, without path or default port", () => {
    expect(configuredOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    expect(configuredOrigin("https://Cards.Example.org:443/app/")).toBe("https://cards.example.org");
  });

  it("is null when NEXTAUTH_URL is unset, empty, not a URL or not http(s)", () => {
    for (const value of [undefined, "", "not a url", "file:///srv/app", "javascript:alert(1)"]) expect(configuredOrigin(value)).toBeNull();
  });
});

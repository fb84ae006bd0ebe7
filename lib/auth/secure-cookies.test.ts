// Session cookies are Secure (next-auth's __Secure- names) exactly when NEXTAUTH_URL is https.
import { describe, expect, it } from "vitest";
import { secureCookies } from "./secure-cookies";

describe("secureCookies", () => {
  it("is on for an https public URL, whatever its case or surrounding space", () => {
    expect(secureCookies("https://cards.example.org")).toBe(true);
    expect(secureCookies("HTTPS://cards.example.org/app")).toBe(true);
    expect(secureCookies(" https://cards.example.org ")).toBe(true);
  });

  it("is off for http (local mode) and when NEXTAUTH_URL is unset", () => {
    expect(secureCookies("http://localhost:3000")).toBe(false);
    expect(secureCookies("")).toBe(false);
    expect(secureCookies(undefined)).toBe(false);
  });

  it("is what next-auth is configured with, from NEXTAUTH_URL at start", async () => {
    const before = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://cards.example.org";
    try {
      const { vi } = await import("vitest");
      vi.resetModules();
      const { authOptions } = await import("./options");
      expect(authOptions.useSecureCookies).toBe(true);
      process.env.NEXTAUTH_URL = "http://localhost:3000";
      vi.resetModules();
      expect((await import("./options")).authOptions.useSecureCookies).toBe(false);
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});

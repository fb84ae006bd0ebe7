import { encode, decode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-reasonable-length-0123456789";

describe("decodeSessionToken", () => {
  it("reads what next-auth's encode() wrote, exactly as next-auth's decode() does", async () => {
    const token = await encode({ token: { uid: "u1", role: "STUDENT", email: "a@b.c" }, secret });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject({ uid: "u1", role: "STUDENT", email: "a@b.c" });
    // The cached key serves the second call too.
    expect(await decodeSessionToken({ token, secret })).toEqual(ours);
  });

  it("derives salted keys as next-auth does", async () => {
    const token = await encode({ token: { uid: "u2" }, secret, salt: "authjs.session-token" });
    expect(await decodeSessionToken({ token, secret, salt: "authjs.session-token" })).toMatchObject({ uid: "u2" });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("refuses a token made with another secret, a tampered token and an expired one", async () => {
    const token = await encode({ token: { uid: "u3" }, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1);
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encode({ token: { uid: "u4" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
  });

  describe("a token decrypted before", () => {
    afterEach(() => vi.useRealTimers());

    it("is refused once it expires, as on its first use", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const token = await encode({ token: { uid: "u5" }, secret, maxAge: 60 });
      expect(await decodeSessionToken({ token, secret })).toMatchObject({ uid: "u5" });
      vi.setSystemTime(Date.now() + 74_000);
      expect(await decodeSessionToken({ token, secret })).toMatchObject({ uid: "u5" });
      vi.setSystemTime(Date.now() + 2_000); // past exp + the 15 s tolerance
      await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/exp/);
    });

    it("is still refused under another secret or salt", async () => {
      const token = await encode({ token: { uid: "u6" }, secret });
      expect(await decodeSessionToken({ token, secret })).toMatchObject({ uid: "u6" });
      await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
      await expect(decodeSessionToken({ token, secret, salt: "authjs.session-token" })).rejects.toThrow();
    });

    it("hands each caller its own copy", async () => {
      const token = await encode({ token: { uid: "u7", role: "STUDENT" }, secret });
      const first = (await decodeSessionToken({ token, secret }))!;
      first.role = "TEACHER";
      expect(await decodeSessionToken({ token, secret })).toMatchObject({ uid: "u7", role: "STUDENT" });
    });
  });

  it("answers null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});

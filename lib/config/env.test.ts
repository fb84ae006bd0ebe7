import { describe, expect, it } from "vitest";
import { assertProductionSecret, isLocalDatabase, readEnv } from "./env";

describe("configuration", () => {
  it("has defaults and treats empty variables as unset", () => {
    const env = readEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toMatch(/\.data$/);
  });

  it("refuses an invalid port with a message naming it", () => {
    expect(() => readEnv({ PORT: "http" })).toThrow(/PORT/);
  });

  it("knows local databases", () => {
    expect(isLocalDatabase("postgresql://u:p@127.0.0.1:5432/x")).toBe(true);
    expect(isLocalDatabase("postgresql://u:p@localhost/x")).toBe(true);
    expect(isLocalDatabase("postgresql://u:p@db.example.com/x")).toBe(false);
  });

  it("refuses to run production on a remote database without AUTH_SECRET", () => {
    const prod = readEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db.example.com/x" });
    expect(() => assertProductionSecret(prod)).toThrow(/AUTH_SECRET is not set/);
    expect(() => assertProductionSecret({ ...prod, AUTH_SECRET: "x".repeat(32) })).not.toThrow();
    expect(() => assertProductionSecret(readEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@127.0.0.1/x" }))).not.toThrow();
  });

  it("reads TRUSTED_PROXIES as addresses and CIDR ranges, and names a bad entry", () => {
    expect(readEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(readEnv({ TRUSTED_PROXIES: "127.0.0.1, ::1 10.0.0.0/8,fd00::/8" }).TRUSTED_PROXIES).toEqual(["127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"]);
    expect(() => readEnv({ TRUSTED_PROXIES: "10.0.0.1,proxy.internal" })).toThrow(/TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range/);
    expect(() => readEnv({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => readEnv({ TRUSTED_PROXIES: "fd00::/129" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("keeps teacher sign-up to invitations unless TEACHER_SIGNUP=open, and names a bad value", () => {
    expect(readEnv({}).TEACHER_SIGNUP).toBe("invitation");
    expect(readEnv({ TEACHER_SIGNUP: "open" }).TEACHER_SIGNUP).toBe("open");
    expect(() => readEnv({ TEACHER_SIGNUP: "yes" })).toThrow(/TEACHER_SIGNUP: must be "invitation" or "open"/);
  });
});

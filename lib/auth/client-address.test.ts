import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, requestAddress, trustedProxies } from "./client-address";

const none = trustedProxies([]);
const proxies = trustedProxies(["10.0.0.0/8", "::1", "fd00::/8"]);

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddress("203.0.113.5", undefined, none)).toBe("203.0.113.5");
    // Never a shared stand-in: without a peer there is no address.
    expect(clientAddress(undefined, "198.51.100.1", none)).toBeUndefined();
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.5", "10.0.0.1", proxies)).toBe("203.0.113.5");
  });

  it("reads X-Forwarded-For from a trusted proxy, right to left, to the first address that is not a proxy", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client wrote the left part; the proxies appended the right part.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.3", proxies)).toBe("198.51.100.7");
    expect(clientAddress("::1", ["1.1.1.1", "198.51.100.8"], proxies)).toBe("198.51.100.8");
    expect(clientAddress("10.0.0.2", "[2001:db8::1]:4711, 10.0.0.3", proxies)).toBe("2001:db8::1");
    expect(clientAddress("10.0.0.2", "198.51.100.9:4711", proxies)).toBe("198.51.100.9");
  });

  it("stops at garbage and at an all-proxy chain, at the last hop it can vouch for", () => {
    expect(clientAddress("10.0.0.2", "not-an-ip", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.1, junk, 10.0.0.3", proxies)).toBe("10.0.0.3");
    expect(clientAddress("10.0.0.2", "10.0.0.4, 10.0.0.3", proxies)).toBe("10.0.0.4");
  });

  it("treats an IPv4 address on a dual-stack socket as the IPv4 address", () => {
    expect(normaliseAddress("::FFFF:198.51.100.3")).toBe("198.51.100.3");
    expect(clientAddress("::ffff:10.1.2.3", "198.51.100.3", proxies)).toBe("198.51.100.3");
    expect(clientAddress("::ffff:203.0.113.5", undefined, none)).toBe("203.0.113.5");
  });

  it("reads a Node request's socket (TRUSTED_PROXIES unset in tests)", () => {
    const req = { socket: { remoteAddress: "203.0.113.9" }, headers: { "x-forwarded-for": "198.51.100.1" } } as unknown as IncomingMessage;
    expect(requestAddress(req)).toBe("203.0.113.9");
  });
});

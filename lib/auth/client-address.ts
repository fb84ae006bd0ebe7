// Which address a request comes from, for the per-address limits. The socket's peer is the
// client unless it is a proxy the operator named in TRUSTED_PROXIES; only then is
// X-Forwarded-For read, from the right (the hops our proxies appended) to the first address
// that is not one of them. Entries further left were written by the client and prove nothing.
// Only a Node request (Pages Router) has a socket: Next.js's App Router hides it, and fills
// X-Forwarded-For with the peer only when the client sent none, so there it can be forged.
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { readEnv } from "@/lib/config/env";

/** "::ffff:1.2.3.4" (IPv4 on a dual-stack socket) -> "1.2.3.4", so one client has one key. */
export function normaliseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1]! : a;
}

/** An X-Forwarded-For entry as an address: "1.2.3.4", "1.2.3.4:5678", "[::1]:80", "::1". */
function forwardedEntry(entry: string): string | undefined {
  let a = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  return isIP(a) ? normaliseAddress(a) : undefined;
}

export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [raw = "", bits] = entry.split("/");
    const addr = bits === undefined ? normaliseAddress(raw) : raw;
    const type = isIP(addr) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The client's address, or undefined when the socket is already gone. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | undefined {
  if (!peer || !isIP(peer)) return undefined;
  let client = normaliseAddress(peer);
  if (!isTrusted(trusted, client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = forwardedEntry(hops[i]!);
    // Garbage where a trusted proxy should have written an address: stop at the last hop we know.
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

let fromEnv: BlockList | undefined;

/** clientAddress() of a Node request, with TRUSTED_PROXIES from the environment. */
export function requestAddress(req: IncomingMessage): string | undefined {
  fromEnv ??= trustedProxies(readEnv().TRUSTED_PROXIES);
  return clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], fromEnv);
}

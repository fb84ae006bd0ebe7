// next-auth's session token (a JWE: "dir" + A256GCM) decrypted with a key derived once per
// secret. next-auth's own decode() runs HKDF on every call, a few percent of the CPU of
// each API request; the key derivation, format and 15 s clock tolerance are next-auth's.
// A token once decrypted is remembered by this process: a token's text fixes its payload, so
// only its expiry can change what it is worth, and that is checked on every use. Whether its
// session was ended since is not the token's business: that is the database's session
// version, checked per request as before (lib/auth/revocation.ts).
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

const CLOCK_TOLERANCE_S = 15;
const keys = new Map<string, Uint8Array>();

function keyFor(secret: string | Buffer, salt: string): { id: string; key: Uint8Array } {
  const id = `${salt}\0${secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    // A process has one secret (two while one is rotated in): never let odd callers grow this.
    if (keys.size >= 8) keys.clear();
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return { id, key };
}

/** Payloads of tokens this process decrypted, by key and token text; the oldest go first past the bound. */
const decoded = new Map<string, JWT>();
const DECODED_MAX = 10_000;

/** jose's own test: expired once `exp` is more than the tolerance in the past. */
const expired = (payload: JWT) => typeof payload.exp === "number" && payload.exp <= Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_S;

/** A drop-in for next-auth's jwt decode(). */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { id, key } = keyFor(secret, salt);
  const cacheKey = `${id}\0${token}`;
  const known = decoded.get(cacheKey);
  // A copy: callers (next-auth's jwt callback) may change the object they are given.
  if (known && !expired(known)) return { ...known };
  decoded.delete(cacheKey);
  // Throws for a token made with another key, tampered with or expired (next-auth then reads no session).
  const { payload } = await jwtDecrypt(token, key, { clockTolerance: CLOCK_TOLERANCE_S });
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(cacheKey, payload as JWT);
  return { ...(payload as JWT) };
}

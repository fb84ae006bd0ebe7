// next-auth's session token (a JWE: "dir" + A256GCM) decrypted with a key derived once per
// secret. next-auth's own decode() runs HKDF on every call, a few percent of the CPU of
// each API request; the key derivation, format and 15 s clock tolerance are next-auth's.
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

const keys = new Map<string, Uint8Array>();

function keyFor(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\0${secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    // A process has one secret (two while one is rotated in): never let odd callers grow this.
    if (keys.size >= 8) keys.clear();
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

/** A drop-in for next-auth's jwt decode(). */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

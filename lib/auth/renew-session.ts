// Renewing the session that made a request, after its user changed what the token carries:
// a password change bumps the session version (ending every session, this one included) and
// a new name or email would otherwise show until the next sign-in. The new token is the old
// one with the changes, encoded as next-auth encodes it, in next-auth's own cookie; so the
// device that changed the password stays signed in and every other one is signed out.
import { encode, getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import type { NextRequest } from "next/server";
import { authOptions } from "./options";
import { secureCookies } from "./secure-cookies";
import { decodeSessionToken } from "./session-token";

const MAX_AGE_SEC = 30 * 24 * 60 * 60; // as authOptions.session.maxAge

export async function renewSession(changes: { sv?: number; name?: string; email?: string }): Promise<void> {
  const jar = await cookies();
  const secure = secureCookies();
  const source = { cookies: jar, headers: await headers() };
  const token = await getToken({ req: source as unknown as NextRequest, secret: authOptions.secret, decode: decodeSessionToken, secureCookie: secure });
  if (!token || !authOptions.secret) return;
  const value = await encode({ token: { ...token, ...changes }, secret: authOptions.secret, maxAge: MAX_AGE_SEC });
  jar.set(`${secure ? "__Secure-" : ""}next-auth.session-token`, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: MAX_AGE_SEC });
}

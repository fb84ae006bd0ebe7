// Who is asking: the signed-in user for pages and route handlers, with role guards.
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import type { NextRequest } from "next/server";
import { DomainError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { SessionUser } from "./authenticate";
import { authOptions } from "./options";
import { sessionEnded, tokenVersion } from "./revocation";
import { sessionIsCurrent } from "./session-store";
import { secureCookies } from "./secure-cookies";
import { decodeSessionToken } from "./session-token";

/** What getToken reads a session from: App Router cookies/headers, or a Node request (Pages API). */
type TokenSource = { cookies: unknown; headers: unknown };

/**
 * For pages: next-auth's full session read, which also renews the session cookie. Its jwt
 * callback (lib/auth/options.ts) refuses an ended session, so this answers null for one.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // cache(): the layout and the page both ask; one session read (and revocation query) per render.
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
});

/**
 * For route handlers: only decrypts and checks the session token (expiry included),
 * without re-issuing the cookie on every call as getServerSession does; API calls are
 * the hot path (a grade per card), and pages keep renewing the session.
 */
async function apiUser(source: TokenSource): Promise<SessionUser | null> {
  const token = await getToken({ req: source as NextRequest, secret: authOptions.secret, decode: decodeSessionToken, secureCookie: secureCookies() });
  if (!token?.uid || !token.role) return null;
  const user: SessionUser = {
    id: token.uid, role: token.role, email: token.email ?? "", name: token.name ?? "", sessionVersion: tokenVersion(token.sv),
  };
  if (token.addr) user.signInAddress = token.addr;
  return user;
}

/** For route handlers: 401 without a session. */
export async function requireUser(): Promise<SessionUser> {
  return requireUserOf({ cookies: await cookies(), headers: await headers() });
}

/** A session that carries its version (every one apiUser() returns). */
export type VersionedUser = SessionUser & { sessionVersion: number };

/**
 * requireUser() for a Node request (the Pages API route: next/headers is App Router only).
 * The token must still be current (not signed out: lib/auth/revocation.ts), which costs a
 * primary-key read, unless `revocation` is "checked-by-caller": the caller's own first
 * statement reads the user's row and compares `sessionVersion` (the grade path, where that
 * saves a round trip per card).
 */
export async function requireUserOf(req: TokenSource, revocation: "check-now" | "checked-by-caller" = "check-now"): Promise<VersionedUser> {
  const user = await apiUser(req);
  if (!user) throw new DomainError("unauthenticated", "Sign in first.");
  const versioned = { ...user, sessionVersion: user.sessionVersion ?? 0 };
  if (revocation === "check-now" && !(await sessionIsCurrent(prisma(), user.id, versioned.sessionVersion))) throw sessionEnded();
  return versioned;
}

/** For route handlers: 403 for a signed-in student. */
export async function requireTeacher(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "TEACHER") throw new DomainError("forbidden", "This needs a teacher account.");
  return user;
}

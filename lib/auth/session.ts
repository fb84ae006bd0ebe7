// Who is asking: the signed-in user for pages and route handlers, with role guards.
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "./authenticate";
import { authOptions } from "./options";
import { decodeSessionToken } from "./session-token";

/** What getToken reads a session from: App Router cookies/headers, or a Node request (Pages API). */
type TokenSource = { cookies: unknown; headers: unknown };

/** For pages: next-auth's full session read, which also renews the session cookie. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
}

/**
 * For route handlers: only decrypts and checks the session token (expiry included),
 * without re-issuing the cookie on every call as getServerSession does; API calls are
 * the hot path (a grade per card), and pages keep renewing the session.
 */
async function apiUser(source: TokenSource): Promise<SessionUser | null> {
  const token = await getToken({ req: source as NextRequest, secret: authOptions.secret, decode: decodeSessionToken });
  if (!token?.uid || !token.role) return null;
  const user: SessionUser = { id: token.uid, role: token.role, email: token.email ?? "", name: token.name ?? "" };
  if (token.addr) user.signInAddress = token.addr;
  return user;
}

/** For route handlers: 401 without a session. */
export async function requireUser(): Promise<SessionUser> {
  return requireUserOf({ cookies: await cookies(), headers: await headers() });
}

/** requireUser() for a Node request (the Pages API route: next/headers is App Router only). */
export async function requireUserOf(req: TokenSource): Promise<SessionUser> {
  const user = await apiUser(req);
  if (!user) throw new ApiError("unauthenticated", "Sign in first.");
  return user;
}

/** For route handlers: 403 for a signed-in student. */
export async function requireTeacher(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "TEACHER") throw new ApiError("forbidden", "This needs a teacher account.");
  return user;
}

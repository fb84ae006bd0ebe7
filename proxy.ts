// First gate for every page request: anonymous visitors go to sign-in, students asking
// for teacher pages get 403, and every page gets its Content-Security-Policy with a fresh
// nonce (lib/config/csp.ts). Pages check the session again themselves, against the
// database (an ended session: lib/auth/revocation.ts); this gate only decrypts the token.
// So the sign-in and registration pages send signed-in visitors home themselves: here, a
// signed-out token would bounce between them and the page that refused it.
// The JSON API is not routed through here: every route handler authenticates itself
// (requireUser / requireTeacher, enforced by app/api/authentication.test.ts), so a second
// token decryption per API call would be pure cost on the hot path; JSON needs no CSP.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { secureCookies } from "@/lib/auth/secure-cookies";
import { contentSecurityPolicy, newNonce } from "@/lib/config/csp";

const PUBLIC_PAGES = ["/signin", "/register", "/forgot-password", "/reset-password"];

function startsWithAny(path: string, prefixes: string[]) {
  return prefixes.some((p) => path === p || path.startsWith(`${p}/`));
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = newNonce();
  const https = secureCookies();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  // Next.js reads the nonce from the request's CSP header; the layout reads x-nonce.
  const request = new Headers(req.headers);
  request.set("x-nonce", nonce);
  request.set("content-security-policy", csp);
  const withCsp = (res: NextResponse) => {
    res.headers.set("Content-Security-Policy", csp);
    return res;
  };

  // "/" is the landing page for signed-out visitors, the home page for everyone else.
  if (pathname !== "/" && !startsWithAny(pathname, PUBLIC_PAGES)) {
    const token = await getToken({ req, secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET, secureCookie: https });
    if (!token?.uid) {
      const url = new URL("/signin", req.url);
      url.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(url);
    }
    if (startsWithAny(pathname, ["/teacher"]) && token.role !== "TEACHER") {
      return withCsp(NextResponse.rewrite(new URL("/forbidden", req.url), { status: 403, request: { headers: request } }));
    }
  }
  return withCsp(NextResponse.next({ request: { headers: request } }));
}

export const config = {
  // Icons and the manifest are public files (app/icon.svg, app/favicon.ico, app/apple-icon.png,
  // app/manifest.ts, public/icons/): a signed-out browser asks for them on every page.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|icons/|robots.txt).*)"],
};

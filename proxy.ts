// First gate for every request: anonymous visitors go to sign-in (or get 401 from the
// API), students asking for teacher pages get 403. Pages and route handlers check the
// session again themselves; this only keeps the common case fast and uniform.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

const PUBLIC_PAGES = ["/signin", "/register"];
const PUBLIC_API = ["/api/register", "/api/auth", "/api/health", "/api/openapi"];

function startsWithAny(path: string, prefixes: string[]) {
  return prefixes.some((p) => path === p || path.startsWith(`${p}/`));
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (isApi && startsWithAny(pathname, PUBLIC_API)) return NextResponse.next();

  const token = await getToken({ req, secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET });
  if (!isApi && startsWithAny(pathname, PUBLIC_PAGES)) {
    // Signed in already: the sign-in and registration pages have nothing to offer.
    return token?.uid ? NextResponse.redirect(new URL("/", req.url)) : NextResponse.next();
  }
  if (!token?.uid) {
    if (isApi) {
      return NextResponse.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
    }
    const url = new URL("/signin", req.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  if (!isApi && startsWithAny(pathname, ["/teacher"]) && token.role !== "TEACHER") {
    return NextResponse.rewrite(new URL("/forbidden", req.url), { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

// First gate for every page request: anonymous visitors go to sign-in, students asking
// for teacher pages get 403. Pages check the session again themselves. The JSON API is
// not routed through here: every route handler authenticates itself (requireUser /
// requireTeacher, enforced by app/api/authentication.test.ts), so a second token
// decryption per API call would be pure cost on the hot path.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

const PUBLIC_PAGES = ["/signin", "/register"];

function startsWithAny(path: string, prefixes: string[]) {
  return prefixes.some((p) => path === p || path.startsWith(`${p}/`));
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const token = await getToken({ req, secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET });
  if (startsWithAny(pathname, PUBLIC_PAGES)) {
    // Signed in already: the sign-in and registration pages have nothing to offer.
    return token?.uid ? NextResponse.redirect(new URL("/", req.url)) : NextResponse.next();
  }
  if (!token?.uid) {
    const url = new URL("/signin", req.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  if (startsWithAny(pathname, ["/teacher"]) && token.role !== "TEACHER") {
    return NextResponse.rewrite(new URL("/forbidden", req.url), { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

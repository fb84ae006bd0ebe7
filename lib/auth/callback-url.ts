// Where to go after signing in or registering: only a path on this site. Anything else
// ("//evil.example", "/\evil.example", which browsers read as "//", or a full URL) would
// make our sign-in page an open redirect.
export function safeCallbackUrl(raw: string | string[] | undefined): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return "/";
  return raw;
}

/** `page` with the callback carried along, so switching between sign-in and registration keeps it. */
export function withCallback(page: "/signin" | "/register", callbackUrl: string): string {
  return callbackUrl === "/" ? page : `${page}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

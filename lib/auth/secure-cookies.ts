// Whether session cookies are `Secure` (with next-auth's `__Secure-` name prefix): exactly
// when the app's public URL, NEXTAUTH_URL, is https. Its own module because the proxy
// (proxy.ts) reads session cookies too and must look for the same cookie name.

/** next-auth's `useSecureCookies` / getToken's `secureCookie`: true for an https:// public URL. */
export function secureCookies(publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  return publicUrl?.trim().toLowerCase().startsWith("https://") ?? false;
}

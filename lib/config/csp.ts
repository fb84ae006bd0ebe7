// The pages' Content-Security-Policy (set by proxy.ts, one nonce per request). Scripts run
// only with this request's nonce: Next.js puts it on its own inline and bootstrap scripts
// (it reads it from the request's CSP header) and the theme script takes it from `x-nonce`;
// 'strict-dynamic' lets those scripts load the app's chunks without listing them. Pages
// are rendered per request (the root layout reads the session), so every page gets one.

/** 128 random bits, base64: unguessable, fresh per request. Web Crypto, so any runtime has it. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React needs eval in development only (its error overlays); never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: server-rendered style attributes (a progress bar's width)
    // cannot carry a nonce, and a nonce here would switch 'unsafe-inline' off. Styles cannot
    // run code; the scripts are what the nonce guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind https: on plain http (local mode) it would send the page's own requests to https.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// The app's public origin, from NEXTAUTH_URL (README: "the app's public URL"; `npm start`
// sets it to http://localhost:$PORT unless given). The API's cross-site write check
// (lib/http/handler.ts) accepts it as the app's own origin besides the request's Host,
// so that behind a proxy that rewrites Host the app's own pages still count as same-origin.

let cached: { value: string | undefined; origin: string | null } | undefined;

/** NEXTAUTH_URL's origin ("https://cards.example.org"), or null when it is unset or not a URL. */
export function configuredOrigin(value: string | undefined = process.env.NEXTAUTH_URL): string | null {
  // Parsed once per value: this runs on every state-changing request.
  if (cached && cached.value === value) return cached.origin;
  let origin: string | null = null;
  try {
    const url = value ? new URL(value) : null;
    origin = url && (url.protocol === "http:" || url.protocol === "https:") ? url.origin : null;
  } catch {
    origin = null;
  }
  cached = { value, origin };
  return origin;
}

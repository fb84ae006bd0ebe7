// Headers every answer carries, pages and API alike: next.config.ts adds them to what Next.js
// serves, and the cluster's workers to the grade route they serve themselves (lib/server/worker.ts).
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

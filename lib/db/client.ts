// The Prisma client for the app: created lazily (so `next build` needs no database) and
// once per process (Next.js dev reloads modules; a global keeps one pool).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrisma(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

export function prisma(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForPrisma.prisma = createPrisma(url, Number(process.env.DB_POOL_MAX ?? 10));
  }
  return globalForPrisma.prisma;
}

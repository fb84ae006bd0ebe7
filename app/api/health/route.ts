import { prisma } from "@/lib/db/client";
import { handle, json } from "../_http/handler";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  await prisma().$queryRaw`SELECT 1`;
  return json({ ok: true });
});

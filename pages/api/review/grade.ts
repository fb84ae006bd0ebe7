// POST /api/review/grade: a JSON route on the Pages Router. It is the hot path (a
// call per card reviewed), and on Next.js 16 a Pages API route costs about half the CPU
// of an App Router route handler: measured here at 16 concurrent clients, an empty
// handler answers ~1,360 req/s against ~600, and a grade ~440 against ~300 (docs/api.md).
// Every other JSON route lives in app/api (next-auth is here too, for the socket's
// address); this one shares their shell and their lib/ code.
import type { NextApiRequest, NextApiResponse } from "next";
import { nodeRoute, readNodeJson } from "@/lib/http/node-route";
import { gradeRequestSchema } from "@/lib/api/review";
import { requireUserOf } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { gradeCard } from "@/lib/review/grade";

// The body is read, bounded and validated by readNodeJson, as readJson does for app/api.
export const config = { api: { bodyParser: false } };

// The session's revocation check is left to gradeCard's first statement (it reads the
// user's row anyway): no query of its own on the hot path (lib/auth/revocation.ts).
const route = nodeRoute("POST", async (req) => {
  const user = await requireUserOf(req as NextApiRequest, "checked-by-caller");
  const body = await readNodeJson(req, gradeRequestSchema, 4 * 1024);
  return gradeCard(prisma(), user, body);
});

export default function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  return route(req, res);
}

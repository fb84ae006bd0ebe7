// POST /api/review/grade as a Node handler: the hot path (a call per card reviewed). Mounted
// twice, one code path: pages/api/review/grade.ts (Next.js: `next dev`, `next start`) and the
// cluster's workers, which answer this one URL themselves before Next.js sees the request
// (lib/server/worker.ts): Next.js's routing took about a third of a grade's CPU in the
// profile (docs/scaling.md), more than the grade's own work.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookies } from "cookie";
import { gradeRequestSchema } from "@/lib/api/review";
import { requireUserOf } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { nodeRoute, readNodeJson } from "@/lib/http/node-route";
import { gradeCard } from "./grade";

export const GRADE_PATH = "/api/review/grade";

/** True for a request to the grade route (any method: the route answers 405 itself), query string or not. */
export function isGradePath(url: string | undefined): boolean {
  if (!url?.startsWith(GRADE_PATH)) return false;
  const rest = url.slice(GRADE_PATH.length);
  return rest === "" || rest.startsWith("?");
}

// The session's revocation check is left to gradeCard's first statement (it reads the
// user's row anyway): no query of its own on the hot path (lib/auth/revocation.ts). The
// cookies are read from the header here, as Next.js would, so both mounts read them alike.
const route = nodeRoute("POST", async (req) => {
  const user = await requireUserOf({ cookies: parseCookies(req.headers.cookie ?? ""), headers: req.headers }, "checked-by-caller");
  const body = await readNodeJson(req, gradeRequestSchema, 4 * 1024);
  return gradeCard(prisma(), user, body);
});

export function gradeRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  return route(req, res);
}

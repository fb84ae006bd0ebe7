// POST /api/review/grade: a JSON route on the Pages Router (a Pages API route costs about half
// the CPU of an App Router route handler on Next.js 16: docs/api.md). The cluster's workers
// serve this URL themselves without Next.js (lib/server/worker.ts); this mount serves it under
// `next dev` and `next start`. The route is lib/review/grade-route.ts for both.
import type { NextApiRequest, NextApiResponse } from "next";
import { gradeRoute } from "@/lib/review/grade-route";

// The body is read, bounded and validated by the route (readNodeJson), as readJson does for app/api.
export const config = { api: { bodyParser: false } };

export default function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  return gradeRoute(req, res);
}

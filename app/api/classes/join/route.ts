import { joinClassSchema } from "@/lib/api/classes";
import { requireUser } from "@/lib/auth/session";
import { joinClass } from "@/lib/classes/classes";
import { createJoinLimiter, RateLimitedError, type JoinLimiter } from "@/lib/classes/join-limit";
import { prisma } from "@/lib/db/client";
import { toErrorBody } from "@/lib/http/errors";
import { handle, json, readJson } from "@/lib/http/handler";

// Made on first use: the build imports this module without a database.
let limiter: JoinLimiter | undefined;

export const POST = handle(async (req) => {
  const user = await requireUser();
  const { code } = await readJson(req, joinClassSchema);
  try {
    return json({ class: await (limiter ??= createJoinLimiter(prisma())).guard(user.id, user.signInAddress, () => joinClass(prisma(), user, code)) }, 201);
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    // handle() sends errors without headers: the 429 is answered here, in the same shape.
    const { status, body } = toErrorBody(err);
    const res = json(body, status);
    res.headers.set("Retry-After", String(err.retryAfterSec));
    return res;
  }
});

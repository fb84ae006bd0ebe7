import { changePassword, PasswordGuessesLimited } from "@/lib/account/profile";
import { createLoginLimiter, type LoginLimiter } from "@/lib/auth/rate-limit";
import { renewSession } from "@/lib/auth/renew-session";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { toErrorBody } from "@/lib/http/errors";
import { handle, json, readJson } from "@/lib/http/handler";
import { z } from "zod";

// Made on first use: the build imports this module without a database. The sign-in limiter's
// counts live in Postgres, so wrong current passwords and wrong sign-ins count together.
let limiter: LoginLimiter | undefined;

export const PUT = handle(async (req) => {
  const user = await requireUser();
  const body = await readJson(req, z.unknown(), 4 * 1024);
  // The session's sign-in address; a session from before addresses were kept is counted on its own.
  const guard = { limiter: (limiter ??= createLoginLimiter(prisma())), address: user.signInAddress ?? `session:${user.id}` };
  try {
    const { sessionVersion } = await changePassword(prisma(), user.id, body, guard);
    // Every session ended with the change; this device stays signed in under the new version.
    await renewSession({ sv: sessionVersion });
    return json({ changed: true, otherSessionsEnded: true });
  } catch (err) {
    if (!(err instanceof PasswordGuessesLimited)) throw err;
    const { status, body: errorBody } = toErrorBody(err);
    const res = json(errorBody, status);
    res.headers.set("Retry-After", String(err.retryAfterSec));
    return res;
  }
});

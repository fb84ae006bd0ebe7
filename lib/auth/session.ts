// Who is asking: the signed-in user for pages and route handlers, with role guards.
import { getServerSession } from "next-auth";
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "./authenticate";
import { authOptions } from "./options";

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
}

/** For route handlers: 401 without a session. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new ApiError("unauthenticated", "Sign in first.");
  return user;
}

/** For route handlers: 403 for a signed-in student. */
export async function requireTeacher(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "TEACHER") throw new ApiError("forbidden", "This needs a teacher account.");
  return user;
}

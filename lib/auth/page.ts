// Guards for server-rendered pages: redirect rather than answer with JSON.
import { redirect } from "next/navigation";
import type { SessionUser } from "./authenticate";
import { currentUser } from "./session";

export async function pageUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

export async function pageTeacher(): Promise<SessionUser> {
  const user = await pageUser();
  if (user.role !== "TEACHER") redirect("/forbidden");
  return user;
}

import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/session";
import { Landing } from "./_components/landing";
import { PageTitle } from "./_components/ui";
import { StudentHome } from "./_home/student-home";
import { TeacherHome } from "./_home/teacher-home";

export const metadata: Metadata = { title: { absolute: "History Cards: study history from its sources" } };

export default async function Home({ searchParams }: { searchParams: Promise<{ joined?: string | string[] }> }) {
  // The one page a signed-out visitor may see besides sign-in and registration (proxy.ts).
  const user = await currentUser();
  if (!user) return <Landing />;
  const joined = (await searchParams).joined;
  return (
    <div>
      <PageTitle>Hello, {user.name}</PageTitle>
      {user.role === "TEACHER" ? <TeacherHome user={user} /> : <StudentHome user={user} joinedId={typeof joined === "string" ? joined : undefined} />}
    </div>
  );
}

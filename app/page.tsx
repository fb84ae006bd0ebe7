import { pageUser } from "@/lib/auth/page";
import { PageTitle } from "./_components/ui";
import { StudentHome } from "./classes/_components/student-home";
import { TeacherHome } from "./classes/_components/teacher-home";

export default async function Home({ searchParams }: { searchParams: Promise<{ joined?: string | string[] }> }) {
  const user = await pageUser();
  const joined = (await searchParams).joined;
  return (
    <div>
      <PageTitle>Hello, {user.name}</PageTitle>
      {user.role === "TEACHER" ? <TeacherHome user={user} /> : <StudentHome user={user} joinedId={typeof joined === "string" ? joined : undefined} />}
    </div>
  );
}

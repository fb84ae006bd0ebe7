import { pageTeacher } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { Card, PageTitle } from "../_components/ui";

export const metadata = { title: "Teaching" };

export default async function TeacherHome() {
  const teacher = await pageTeacher();
  const classes = await prisma().class.findMany({
    where: { teacherId: teacher.id, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, joinCode: true, _count: { select: { enrollments: true, assignments: true } } },
  });
  return (
    <div>
      <PageTitle>Teaching</PageTitle>
      {classes.length === 0 ? (
        <p>You have no classes yet.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {classes.map((c) => (
            <li key={c.id}>
              <Card>
                <h2 className="text-lg font-semibold">{c.name}</h2>
                <p className="text-sm">
                  Join code: <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{c.joinCode}</code>
                </p>
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  {c._count.enrollments} students · {c._count.assignments} assignments
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

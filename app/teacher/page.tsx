import Link from "next/link";
import { pageTeacher } from "@/lib/auth/page";
import { listClasses } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { Card, textLink } from "../_components/ui";
import { plural } from "@/app/_components/format";
import { CreateClassDialog } from "./_client/create-class-dialog";
import { InviteTeacherButton } from "./_client/invite-teacher-button";
import { userTimeZone } from "@/lib/learner/settings-store";

export const metadata = { title: "Teaching" };

type ClassSummary = Awaited<ReturnType<typeof listClasses>>[number];

function ClassGrid({ classes }: { classes: ClassSummary[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {classes.map((c) => (
        <li key={c.id}>
          <Card>
            <h3 className="text-lg font-semibold">
              <Link className={textLink} href={`/teacher/classes/${c.id}`}>{c.name}</Link>
            </h3>
            {!c.archived && (
              <p className="text-sm">
                Join code: <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{c.joinCode}</code>
              </p>
            )}
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {plural(c.studentCount, "student")} · {plural(c.assignmentCount, "assignment")}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export default async function TeacherHome() {
  const teacher = await pageTeacher();
  const [classes, timeZone] = await Promise.all([listClasses(prisma(), teacher), userTimeZone(prisma(), teacher.id)]);
  const active = classes.filter((c) => !c.archived);
  const archived = classes.filter((c) => c.archived);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Teaching</h1>
        <div className="flex flex-wrap items-center gap-3">
          <Link className={textLink} href="/teacher/decks">My decks</Link>
          <InviteTeacherButton timeZone={timeZone} />
          <CreateClassDialog />
        </div>
      </div>
      <section aria-labelledby="classes-heading" className="mb-6">
        <h2 id="classes-heading" className="mb-2 text-lg font-semibold">Your classes</h2>
        {active.length === 0 ? <p>You have no classes yet. Create one, then share its join code with your students.</p> : <ClassGrid classes={active} />}
      </section>
      {archived.length > 0 && (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading" className="mb-2 text-lg font-semibold">Archived classes</h2>
          <ClassGrid classes={archived} />
        </section>
      )}
    </div>
  );
}

import Link from "next/link";
import type { SessionUser } from "@/lib/auth/authenticate";
import { listClasses } from "@/lib/classes/classes";
import { prisma } from "@/lib/db/client";
import { Card, buttonLink, textLink } from "@/app/_components/ui";
import { plural } from "@/app/_components/format";

export async function TeacherHome({ user }: { user: SessionUser }) {
  const classes = (await listClasses(prisma(), user)).filter((c) => !c.archived);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Study</h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">Review the decks yourself, as your students will.</p>
        <Link className={buttonLink} href="/review">
          Start today&apos;s review
        </Link>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Your classes</h2>
        {classes.length === 0 ? (
          <p className="mb-3 text-sm">No classes yet.</p>
        ) : (
          <ul className="mb-3 space-y-1 text-sm">
            {classes.map((c) => (
              <li key={c.id}>
                <Link className={textLink} href={`/teacher/classes/${c.id}`}>{c.name}</Link>
                <span className="text-slate-700 dark:text-slate-300"> · {plural(c.studentCount, "student")} · {plural(c.assignmentCount, "assignment")}</span>
              </li>
            ))}
          </ul>
        )}
        <Link className={textLink} href="/teacher">Manage classes and assignments</Link>
      </Card>
    </div>
  );
}

import Link from "next/link";
import type { SessionUser } from "@/lib/auth/authenticate";
import { Card, buttonLink, textLink } from "@/app/_components/ui";
import { LeaveClassButton } from "@/app/_home/leave-class-button";
import { formatDateTime, plural } from "@/app/_components/format";
import { studentHome, type StudentAssignment } from "@/lib/classes/student-home";
import { prisma } from "@/lib/db/client";
import { userTimeZone } from "@/lib/learner/settings-store";
import { AssignmentItem, QuizAction } from "@/app/_home/assignment-item";

type Counts = { learning: number; review: number; new: number };
type ClassItem = { id: string; name: string; teacherName: string };

function TodayCard({ counts }: { counts: Counts }) {
  const total = counts.learning + counts.review + counts.new;
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">Today&apos;s reviews</h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300" data-testid="due-counts">
        {total === 0 ? "Nothing due right now." : `${plural(total, "card")} due: ${counts.new} new · ${counts.learning} learning · ${counts.review} review`}
      </p>
      <Link className={buttonLink} href="/review">
        Start today&apos;s review
      </Link>
    </Card>
  );
}

function OpenQuizzes({ quizzes, timeZone }: { quizzes: StudentAssignment[]; timeZone: string }) {
  return (
    <Card>
      <section aria-labelledby="open-quizzes">
        <h2 id="open-quizzes" className="mb-2 text-lg font-semibold">Quizzes open now</h2>
        {quizzes.length === 0 ? (
          <p className="text-sm">No quiz is open for you right now.</p>
        ) : (
          <ul className="space-y-3">
            {quizzes.map((q) => (
              <li key={q.id}>
                <p className="font-medium">{q.deck.title}</p>
                <p className="mb-1 text-sm text-slate-700 dark:text-slate-300">
                  {q.class.name}{q.closesAt && <> · closes {formatDateTime(q.closesAt, timeZone)}</>}
                </p>
                <QuizAction a={q} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

function Classes({ classes }: { classes: ClassItem[] }) {
  return (
    <section aria-labelledby="classes-heading">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h2 id="classes-heading" className="text-lg font-semibold">Your classes</h2>
        <Link className={textLink} href="/join">Join a class</Link>
      </div>
      {classes.length === 0 ? (
        <p className="text-sm">You are not in a class yet. Ask your teacher for a class code.</p>
      ) : (
        <ul className="space-y-2">
          {classes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
              <span>
                <span className="font-medium">{c.name}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">Teacher: {c.teacherName}</span>
              </span>
              <LeaveClassButton classId={c.id} className={c.name} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export async function StudentHome({ user, joinedId }: { user: SessionUser; joinedId?: string }) {
  const now = new Date();
  const [{ counts, assignments, classes }, timeZone] = await Promise.all([studentHome(user, now), userTimeZone(prisma(), user.id)]);
  const joined = joinedId ? classes.find((c) => c.id === joinedId) : undefined;
  const open = assignments.filter((a) => a.kind === "QUIZ" && (a.openNow || a.runningAttemptId));
  return (
    <div className="space-y-6">
      {joined && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          You joined {joined.name}.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TodayCard counts={counts} />
        <OpenQuizzes quizzes={open} timeZone={timeZone} />
      </div>
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading" className="mb-2 text-lg font-semibold">Assignments</h2>
        {assignments.length === 0 ? (
          <p className="text-sm">No assignments yet.</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {assignments.map((a) => (
              <li key={a.id}>
                <AssignmentItem a={a} timeZone={timeZone} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Classes classes={classes} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { pageTeacher } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { listDecks } from "@/lib/decks/store";
import { Card, textLink } from "../../../_components/ui";
import { formatDateTime } from "@/app/_components/format";
import { userTimeZone } from "@/lib/learner/settings-store";
import { Breadcrumb } from "../../_components/breadcrumb";
import { ArchiveButton } from "../../_client/archive-button";
import { AssignDeckDialog } from "../../_client/assign-deck-dialog";
import { JoinCodePanel } from "../../_client/join-code-panel";
import { RemoveStudentButton } from "../../_client/remove-student-button";
import { ResetLinkButton } from "../../_client/reset-link-button";
import { RenameClassForm } from "../../_client/rename-class-form";
import { describeAssignment, kindLabel } from "../../_lib/describe";
import { teacherClass, uuidOr404, type TeacherAssignment } from "../../_lib/load";

export const metadata: Metadata = { title: "Class" };

type Props = { params: Promise<{ id: string }> };

function Roster({ classId, className, students, timeZone }: {
  classId: string;
  className: string;
  students: { joinedAt: Date; user: { id: string; name: string; email: string } }[];
  timeZone: string;
}) {
  if (students.length === 0) return <p className="text-sm">No students yet. Share the join code or link.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Students in {className}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Email</th>
            <th scope="col" className="py-2 pr-3">Joined</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {students.map(({ user, joinedAt }) => (
            <tr key={user.id} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-medium">{user.name}</th>
              <td className="break-all py-2 pr-3">{user.email}</td>
              <td className="py-2 pr-3">{formatDateTime(joinedAt, timeZone)}</td>
              <td className="py-2">
                <div className="flex justify-end gap-2">
                  <ResetLinkButton classId={classId} student={user} timeZone={timeZone} />
                  <RemoveStudentButton classId={classId} className={className} student={user} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AssignmentList({ assignments, timeZone }: { assignments: TeacherAssignment[]; timeZone: string }) {
  if (assignments.length === 0) return <p className="text-sm">Nothing assigned yet.</p>;
  return (
    <ul className="space-y-2">
      {assignments.map((a) => (
        <li key={a.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <Link className={textLink} href={`/teacher/assignments/${a.id}`}>
            {kindLabel(a.kind)}: {a.deck.title}
          </Link>
          <p className="text-sm text-slate-700 dark:text-slate-300">{describeAssignment(a, timeZone)}</p>
        </li>
      ))}
    </ul>
  );
}

export default async function ClassPage({ params }: Props) {
  const teacher = await pageTeacher();
  const id = await uuidOr404(params);
  const [cls, decks, timeZone] = await Promise.all([teacherClass(teacher.id, id), listDecks(prisma(), teacher), userTimeZone(prisma(), teacher.id)]);
  const published = decks.filter((d) => d.status === "PUBLISHED").map((d) => ({ id: d.id, title: d.title, cardCount: d.cardCount }));
  return (
    <div>
      <Breadcrumb trail={[{ href: "/teacher", label: "Teaching" }]} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          {cls.name}
          {cls.archivedAt && <> <span className="text-base font-normal text-slate-600 dark:text-slate-300">(archived)</span></>}
        </h1>
        <ArchiveButton classId={cls.id} archived={cls.archivedAt !== null} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Join code</h2>
          <JoinCodePanel classId={cls.id} code={cls.joinCode} expires={formatDateTime(cls.codeExpiresAt, timeZone)} archived={cls.archivedAt !== null} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Name</h2>
          <RenameClassForm classId={cls.id} name={cls.name} />
        </Card>
        <Card className="lg:col-span-2">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold">Assignments</h2>
            <AssignDeckDialog classId={cls.id} decks={published} />
          </div>
          {published.length === 0 && (
            <p className="mb-2 text-sm">
              Publish a deck before assigning it: see <Link className={textLink} href="/teacher/decks">My decks</Link>.
            </p>
          )}
          <AssignmentList assignments={cls.assignments} timeZone={timeZone} />
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Students ({cls.enrollments.length})</h2>
          <Roster classId={cls.id} className={cls.name} students={cls.enrollments} timeZone={timeZone} />
        </Card>
      </div>
    </div>
  );
}

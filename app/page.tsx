import Link from "next/link";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { listDecks } from "@/lib/decks/queries";
import { Card, PageTitle } from "./_components/ui";

export default async function Home() {
  const user = await pageUser();
  const db = prisma();
  const [decks, classes] = await Promise.all([
    listDecks(db, user),
    db.class.findMany({
      where: user.role === "TEACHER" ? { teacherId: user.id, archivedAt: null } : { enrollments: { some: { userId: user.id } }, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, assignments: { select: { id: true, kind: true, dueAt: true, deck: { select: { id: true, title: true } } }, orderBy: { dueAt: "asc" } } },
    }),
  ]);
  return (
    <div>
      <PageTitle>Hello, {user.name}</PageTitle>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Study</h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{decks.length} decks available.</p>
          <Link className="inline-block rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800" href="/review">
            Start today&apos;s review
          </Link>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{user.role === "TEACHER" ? "Your classes" : "Your classes and assignments"}</h2>
          {classes.length === 0 ? (
            <p className="text-sm">No classes yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {classes.map((c) => (
                <li key={c.id}>
                  <span className="font-medium">{c.name}</span>
                  <ul className="ml-4 list-disc">
                    {c.assignments.map((a) => (
                      <li key={a.id}>
                        {a.kind === "REVIEW" ? "Review" : "Quiz"}: <Link className="text-sky-800 underline dark:text-sky-300" href={`/decks/${a.deck.id}`}>{a.deck.title}</Link>
                        {a.dueAt && <> · due {a.dueAt.toISOString().slice(0, 10)}</>}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}

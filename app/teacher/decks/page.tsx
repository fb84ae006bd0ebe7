import Link from "next/link";
import { pageTeacher } from "@/lib/auth/page";
import { listOwnDecks } from "@/lib/authoring/decks";
import { prisma } from "@/lib/db/client";
import { Card, PageTitle, buttonLink, textLink } from "../../_components/ui";
import { cardCount } from "./_client/labels";

export const metadata = { title: "My decks" };

export default async function MyDecksPage() {
  const teacher = await pageTeacher();
  const decks = await listOwnDecks(prisma(), teacher.id);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <PageTitle>My decks</PageTitle>
        <Link className={buttonLink} href="/teacher/decks/import">Import a document</Link>
      </div>
      {decks.length === 0 ? (
        <p>You have no decks of your own yet. Import a document or a CSV file to make one.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {decks.map((d) => (
            <li key={d.id}>
              <Card>
                <h2 className="text-lg font-semibold">
                  <Link className={textLink} href={`/teacher/decks/${d.id}`}>{d.title}</Link>
                </h2>
                <p className="text-sm">
                  {d.status === "DRAFT" ? "Draft" : "Published"} · {cardCount(d.cardCount)} · assigned {d.assignmentCount} {d.assignmentCount === 1 ? "time" : "times"}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

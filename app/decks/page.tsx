import Link from "next/link";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { listDecks } from "@/lib/decks/store";
import { Card, PageTitle } from "../_components/ui";

export const metadata = { title: "Decks" };

export default async function DecksPage() {
  const user = await pageUser();
  const decks = await listDecks(prisma(), user);
  return (
    <div>
      <PageTitle>Decks</PageTitle>
      {decks.length === 0 ? (
        <p>No decks yet.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {decks.map((d) => (
            <li key={d.id}>
              <Card>
                <h2 className="text-lg font-semibold">
                  <Link className="text-sky-800 underline dark:text-sky-300" href={`/decks/${d.id}`}>{d.title}</Link>
                </h2>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  {d.cardCount} cards{d.source ? ` · from “${d.source.title}”` : ""}
                </p>
                <p className="mt-2">
                  <Link className="text-sm font-medium text-sky-800 underline dark:text-sky-300" href={`/review?deck=${d.id}`}>Review this deck</Link>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

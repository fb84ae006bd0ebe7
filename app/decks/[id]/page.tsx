import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { getDeck } from "@/lib/decks/store";
import { quoteInContext } from "@/lib/decks/context";
import { runningAssignedQuiz } from "@/lib/quiz/running";
import { Card, PageTitle } from "../../_components/ui";

const KIND_LABEL = { DATE: "Date", PARTIES: "Parties", TERM: "Term", BASIC: "Card" } as const;

export default async function DeckPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  const id = z.uuid().safeParse((await params).id);
  const deck = id.success ? await getDeck(prisma(), user, id.data) : null;
  if (!deck) notFound();
  // The student's assigned quiz on this deck is running: its answers stay hidden until it ends.
  const running = await runningAssignedQuiz(prisma(), user.id, deck.id);
  if (running) {
    return (
      <div>
        <PageTitle>{deck.title}</PageTitle>
        <Card>
          <p>Your quiz on this deck is running, so its cards are hidden until you submit it or its time is up.</p>
          <Link className="mt-2 inline-block text-sky-800 underline dark:text-sky-300" href={`/quiz/${running.attemptId}`}>Back to the quiz</Link>
        </Card>
      </div>
    );
  }
  return (
    <div>
      <PageTitle>{deck.title}</PageTitle>
      {deck.source && (
        <Card className="mb-4">
          <h2 className="font-semibold">Source: {deck.source.title}</h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">{deck.source.origin}</p>
          {deck.source.reliability && <p className="mt-2 text-sm">{deck.source.reliability}</p>}
          {deck.source.note && <p className="mt-2 text-sm italic">{deck.source.note}</p>}
        </Card>
      )}
      <ol className="space-y-3">
        {deck.cards.map((c) => {
          const ctx = deck.source ? quoteInContext(deck.source.text, c.start, c.end) : null;
          return (
            <li key={c.id}>
              <Card>
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{KIND_LABEL[c.kind]} · {c.subject}</p>
                <p className="mt-1 font-medium">{c.prompt}</p>
                <p className="mt-1">{c.answer}</p>
                <figure className="mt-3 border-l-4 border-slate-300 pl-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
                  <blockquote>
                    {ctx ? (
                      <>
                        {ctx.before}
                        <mark className="bg-amber-100 text-slate-900 dark:bg-amber-900 dark:text-amber-50">{ctx.quote}</mark>
                        {ctx.after}
                      </>
                    ) : (
                      c.quote
                    )}
                  </blockquote>
                  <figcaption className="mt-1">{c.citation ? `Citation: ${c.citation}` : "No citation in the source"}</figcaption>
                </figure>
              </Card>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

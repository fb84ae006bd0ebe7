import type { Metadata } from "next";
import { z } from "zod";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { listDecks } from "@/lib/decks/store";
import { userTimeZone } from "@/lib/learner/settings-store";
import { listAttempts } from "@/lib/quiz/attempts";
import { Card, PageTitle } from "../_components/ui";
import { PastAttempts } from "./_components/past-attempts";
import { StartQuizForm } from "./_components/start-quiz-form";

export const metadata: Metadata = { title: "Quiz" };

export default async function QuizPage({ searchParams }: { searchParams: Promise<{ deck?: string | string[] }> }) {
  const user = await pageUser();
  const db = prisma();
  const [decks, past, timeZone] = await Promise.all([listDecks(db, user), listAttempts(db, user.id), userTimeZone(db, user.id)]);
  // `/quiz?deck=<id>` preselects a deck the learner can see.
  const wanted = z.uuid().safeParse((await searchParams).deck);
  const initialDeckId = wanted.success && decks.some((d) => d.id === wanted.data) ? wanted.data : undefined;

  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle>Quiz</PageTitle>
      <Card className="mb-6">
        <h2 className="mb-3 text-lg font-semibold">Start a quiz</h2>
        <StartQuizForm decks={decks.map((d) => ({ id: d.id, title: d.title, cardCount: d.cardCount }))} initialDeckId={initialDeckId} />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Past attempts</h2>
        <PastAttempts attempts={past} timeZone={timeZone} />
      </Card>
    </div>
  );
}

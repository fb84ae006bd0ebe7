import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import type { AttemptDto } from "@/lib/api/quiz";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { getAttempt } from "@/lib/quiz/attempts";
import { PageTitle } from "../../_components/ui";
import { quizTitle } from "../_components/format";
import { QuizRunner } from "../_components/quiz-runner";

export const metadata: Metadata = { title: "Quiz" };

export default async function TakeQuizPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  let attempt: AttemptDto;
  try {
    // The learner's own attempt only; prompts and options, never a key.
    attempt = await getAttempt(prisma(), user.id, id.data);
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  }
  // Submitted, or the clock (and its grace) ran out: nothing left to answer.
  if (attempt.finished) redirect(`/quiz/${attempt.id}/results`);

  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle>Quiz: {quizTitle(attempt.deckTitle)}</PageTitle>
      <QuizRunner attempt={attempt} />
      <p className="mt-8 text-sm">
        <Link className="font-medium text-sky-800 underline dark:text-sky-300" href="/quiz">
          All quizzes
        </Link>{" "}
        <span className="text-slate-600 dark:text-slate-400">(the clock keeps running)</span>
      </p>
    </div>
  );
}

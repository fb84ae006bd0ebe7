import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import type { ResultDto } from "@/lib/api/quiz";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { userTimeZone } from "@/lib/learner/settings-store";
import { results } from "@/lib/quiz/attempts";
import { Card, PageTitle } from "../../../_components/ui";
import { formatDateTime, formatDuration, percent, quizTitle } from "../../_components/format";
import { ResultItem } from "../../_components/result-item";

export const metadata: Metadata = { title: "Quiz results" };

const link = "font-medium text-sky-800 underline dark:text-sky-300";

export default async function QuizResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  let result: ResultDto | "running" | { hiddenUntil: string };
  try {
    // After submission or once the deadline has passed (which closes the attempt).
    result = await results(prisma(), user.id, id.data);
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    // Closed while an assigned quiz on these cards runs: this attempt is over, so no redirect back to it.
    if (err instanceof DomainError && typeof err.details?.hiddenUntil === "string") result = { hiddenUntil: err.details.hiddenUntil };
    else if (err instanceof DomainError && err.code === "conflict") result = "running";
    else throw err;
  }
  if (result === "running") redirect(`/quiz/${id.data}`);
  if ("hiddenUntil" in result) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageTitle>Quiz results</PageTitle>
        <Card>
          <p>These results show answers of the quiz you are taking now, so they open when that quiz ends.</p>
          <Link className={`${link} mt-2 inline-block`} href="/quiz">All quizzes</Link>
        </Card>
      </div>
    );
  }
  const timeZone = await userTimeZone(prisma(), user.id);
  const answered = result.questions.filter((q) => q.answer !== null).length;

  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle>Quiz results: {quizTitle(result.deckTitle)}</PageTitle>
      <Card className="mb-6">
        <p className="text-3xl font-semibold">
          <span className="sr-only">Score: </span>
          <span data-testid="score">
            {result.score} / {result.total}
          </span>{" "}
          <span className="text-xl font-medium text-slate-600 dark:text-slate-300">({percent(result.score, result.total)})</span>
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Answered</dt>
          <dd data-testid="answered">
            {answered} of {result.total}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">Time taken</dt>
          <dd data-testid="time-taken">{formatDuration(result.timeTakenSec)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Started</dt>
          <dd>{formatDateTime(result.startedAt, timeZone)}</dd>
        </dl>
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link className={link} href="/quiz">
            Back to quizzes
          </Link>
          <Link className={link} href="/review">
            Review your cards
          </Link>
        </p>
      </Card>
      <h2 className="mb-3 text-lg font-semibold">Questions</h2>
      <ol className="flex flex-col gap-4">
        {result.questions.map((q) => (
          <li key={q.id}>
            <ResultItem q={q} total={result.total} />
          </li>
        ))}
      </ol>
      <p className="mt-6 text-sm">
        <Link className={link} href="/quiz">
          Back to quizzes
        </Link>
      </p>
    </div>
  );
}

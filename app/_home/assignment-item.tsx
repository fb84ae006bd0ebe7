// One assignment on a student's home page: what it asks, by when, and how they stand.
import Link from "next/link";
import { textLink } from "@/app/_components/ui";
import { StartQuizButton } from "@/app/_home/start-quiz-button";
import { formatDateTime, formatPercent, plural } from "@/app/_components/format";
import { ExamModeButton } from "@/app/_home/exam-mode-button";
import type { StudentAssignment } from "@/lib/classes/student-home";
import { StatusBadge } from "@/app/_components/status-badge";

function QuizWindow({ a, timeZone, now }: { a: StudentAssignment; timeZone: string; now: Date }) {
  const opens = a.opensAt ? new Date(a.opensAt) : null;
  const closes = a.closesAt ? new Date(a.closesAt) : null;
  if (opens && now < opens) return <>Opens {formatDateTime(opens, timeZone)}{closes && <>, closes {formatDateTime(closes, timeZone)}</>}</>;
  if (closes && now > closes) return <>Closed {formatDateTime(closes, timeZone)}</>;
  return <>Open now{closes && <> until {formatDateTime(closes, timeZone)}</>}</>;
}

export function QuizAction({ a }: { a: StudentAssignment }) {
  if (a.runningAttemptId) {
    return (
      <Link className={textLink} href={`/quiz/${a.runningAttemptId}`} aria-label={`Resume quiz: ${a.deck.title}`}>
        Resume quiz
      </Link>
    );
  }
  return a.openNow ? <StartQuizButton assignmentId={a.id} deckTitle={a.deck.title} /> : null;
}

function QuizDetails({ a, timeZone, now }: { a: StudentAssignment; timeZone: string; now: Date }) {
  const limit = a.timeLimitSec ?? 600;
  return (
    <>
      <p className="text-sm">
        <QuizWindow a={a} timeZone={timeZone} now={now} />
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {a.count ?? 10} questions · {Math.round(limit * a.timeFactor)} s{a.timeFactor !== 1 && ` (extra time ×${a.timeFactor})`} · attempts used {a.attemptsUsed} of {a.attempts ?? "unlimited"}
        {a.progress?.quizBest !== null && a.progress?.quizBest !== undefined && <> · best score {formatPercent(a.progress.quizBest)}</>}
      </p>
    </>
  );
}

function ReviewDetails({ a, timeZone }: { a: StudentAssignment; timeZone: string }) {
  return (
    <>
      <p className="text-sm">
        Study every card; target recall {formatPercent(a.targetRecall ?? 0.85)} by {formatDateTime(a.dueAt, timeZone)}
      </p>
      {a.progress && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {a.progress.cardsStarted} of {a.progress.cardsTotal} cards started · predicted recall on the due date {formatPercent(a.progress.predictedRecall)}
          {a.examPlan && a.examPlan.cardsToReview > 0 && <> · to reach the target: {plural(a.examPlan.perDay, "card")} a day</>}
        </p>
      )}
      {a.examMode && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Exam mode on: scheduled for {formatPercent(a.examMode.desiredRetention)} recall until {formatDateTime(a.examMode.until, timeZone)}
        </p>
      )}
    </>
  );
}

export function AssignmentItem({ a, timeZone, now }: { a: StudentAssignment; timeZone: string; now: Date }) {
  return (
    <article className="rounded-md border border-slate-200 p-3 dark:border-slate-700" aria-labelledby={`assignment-${a.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`assignment-${a.id}`} className="font-semibold">
          {a.kind === "REVIEW" ? "Review" : "Quiz"}: {a.deck.title}
        </h3>
        {a.progress && <StatusBadge status={a.progress.status} />}
      </div>
      <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">{a.class.name}</p>
      {a.kind === "REVIEW" ? <ReviewDetails a={a} timeZone={timeZone} /> : <QuizDetails a={a} timeZone={timeZone} now={now} />}
      <div className="mt-2">
        {a.kind === "REVIEW" ? (
          <div className="flex flex-wrap items-center gap-3">
            <Link className={textLink} href={`/review?deck=${a.deck.id}`} aria-label={`Study this deck: ${a.deck.title}`}>
              Study this deck
            </Link>
            {(a.examMode || (a.dueAt && Date.parse(a.dueAt) > now.getTime())) && <ExamModeButton assignmentId={a.id} deckTitle={a.deck.title} on={a.examMode !== null} />}
          </div>
        ) : (
          <QuizAction a={a} />
        )}
      </div>
    </article>
  );
}

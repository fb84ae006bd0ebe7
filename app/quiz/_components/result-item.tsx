// One question of a finished quiz: what was asked, the learner's answer, the right one,
// and where the card came from. All of it is rendered as text.
import type { ResultDto } from "@/lib/api/quiz";

type Result = ResultDto["questions"][number];

const TYPE_LABEL: Record<Result["type"], string> = { mcq: "Multiple choice", "typed-year": "Typed year", chronology: "Chronology" };

export function ResultItem({ q, total }: { q: Result; total: number }) {
  const answered = q.answer !== null;
  const verdict = !answered ? "Not answered" : q.correct ? "Correct" : "Wrong";
  const tone = q.correct
    ? "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
    : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200";
  return (
    <article
      aria-labelledby={`result-${q.id}`}
      data-testid="result-item"
      data-correct={q.correct ? "true" : "false"}
      data-answered={answered ? "true" : "false"}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id={`result-${q.id}`} className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
          Question {q.position + 1} of {total} <span className="font-normal normal-case tracking-normal">· {TYPE_LABEL[q.type]}</span>
        </h3>
        <span className={`rounded-md border px-2 py-0.5 text-sm font-semibold ${tone}`} data-testid="verdict">
          <span aria-hidden className="mr-1">{q.correct ? "✓" : "✗"}</span>
          {verdict}
        </span>
      </div>
      <p className="text-lg font-medium leading-snug">{q.prompt}</p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600 dark:text-slate-400">Your answer</dt>
        <dd data-testid="your-answer">{q.yourAnswer ?? (answered ? "(not readable)" : "—")}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Right answer</dt>
        <dd data-testid="right-answer" className="font-medium">
          {q.correctAnswer}
        </dd>
      </dl>
      {q.provenance && (
        <figure className="mt-3 border-l-4 border-slate-300 pl-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
          <blockquote>{q.provenance.quote}</blockquote>
          <figcaption className="mt-1">
            {q.provenance.citation ? `Citation: ${q.provenance.citation}` : "No citation in the source"}
            {q.provenance.source && <> · Source: {q.provenance.source}</>}
          </figcaption>
        </figure>
      )}
    </article>
  );
}

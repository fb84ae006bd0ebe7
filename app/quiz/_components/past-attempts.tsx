// The learner's past attempts, newest first: when, what, the score, and where to go next.
import Link from "next/link";
import { formatDateTime, percent, quizTitle } from "./format";

export type PastAttempt = {
  id: string;
  deckTitle: string | null;
  assignmentId: string | null;
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  total: number;
  /** Not submitted, and the deadline (plus grace) has not passed yet. */
  running: boolean;
};

const link = "font-medium text-sky-800 underline dark:text-sky-300";

export function PastAttempts({ attempts, timeZone }: { attempts: PastAttempt[]; timeZone: string }) {
  if (attempts.length === 0) return <p className="text-slate-700 dark:text-slate-300">No quizzes yet. Your finished quizzes will be listed here.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your quiz attempts, newest first</caption>
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Date</th>
            <th scope="col" className="py-2 pr-4 font-medium">Quiz</th>
            <th scope="col" className="py-2 pr-4 font-medium">Score</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Link</span></th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => {
            const title = quizTitle(a.deckTitle);
            return (
              <tr key={a.id} data-testid="past-attempt" data-attempt-id={a.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(a.startedAt, timeZone)}</td>
                <th scope="row" className="py-2 pr-4 font-normal">
                  {title}
                  {a.assignmentId && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">assigned</span>}
                </th>
                <td className="py-2 pr-4 whitespace-nowrap" data-col="score">
                  {a.submittedAt !== null ? `${a.score ?? 0} / ${a.total} (${percent(a.score ?? 0, a.total)})` : a.running ? "In progress" : "Time ran out"}
                </td>
                <td className="py-2 whitespace-nowrap">
                  {a.running ? (
                    <Link className={link} href={`/quiz/${a.id}`}>
                      Continue<span className="sr-only"> the quiz on {title}</span>
                    </Link>
                  ) : (
                    <Link className={link} href={`/quiz/${a.id}/results`}>
                      Results<span className="sr-only"> of the quiz on {title}, {formatDateTime(a.startedAt, timeZone)}</span>
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

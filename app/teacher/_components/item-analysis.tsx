// The quiz item analysis table of an assignment page (server-rendered, no client code).
import type { ItemAnalysis } from "@/lib/api/stats";
import { formatPercent, plural } from "@/app/_components/format";

const TYPE_LABEL = { mcq: "Multiple choice", "typed-year": "Typed year", chronology: "Chronology" } as const;

export function ItemAnalysisTable({ analysis, caption }: { analysis: ItemAnalysis; caption: string }) {
  if (analysis.attempts === 0) return <p className="text-sm">No finished attempts yet: this table fills in as students finish the quiz.</p>;
  return (
    <>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        {plural(analysis.attempts, "finished attempt")} by {plural(analysis.students, "student")}. Hardest questions first; an unanswered question counts as wrong.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="px-2 py-2">Question</th>
              <th scope="col" className="px-2 py-2">Right</th>
              <th scope="col" className="px-2 py-2">Wrong answers picked</th>
              <th scope="col" className="px-2 py-2">Card difficulty (FSRS, class mean)</th>
            </tr>
          </thead>
          <tbody>
            {analysis.items.map((item) => (
              <tr key={`${item.cardId ?? "-"}:${item.type}`} className="border-b border-slate-100 align-top dark:border-slate-800" data-testid="item-row">
                <th scope="row" className="px-2 py-2 font-normal">
                  <span className="font-medium">{item.prompt}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">{TYPE_LABEL[item.type]}{item.answer ? ` · answer: ${item.answer}` : ""}</span>
                </th>
                <td className="px-2 py-2 whitespace-nowrap">{formatPercent(item.shareCorrect)} ({item.correct} of {item.asked})</td>
                <td className="px-2 py-2">
                  {item.wrongAnswers.length === 0 ? "—" : item.wrongAnswers.map((w) => `${w.answer} (${w.picks}×)`).join(", ")}
                </td>
                <td className="px-2 py-2">{item.difficulty ? `${item.difficulty.mean.toFixed(1)} of 10 (${plural(item.difficulty.students, "student")})` : "Not studied"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

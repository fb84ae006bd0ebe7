"use client";
// "Optimize my scheduler": start a run, follow its progress, read the comparison, switch
// between fitted sets and the defaults. The run itself is a server-side job (lib/optimizer).
import { useEffect, useState } from "react";
import { optimizerStatusSchema, type OptimizerStatus } from "@/lib/api/optimizer";
import { apiCall, callApi } from "../../_components/api-call";

type Result = NonNullable<NonNullable<OptimizerStatus["run"]>["result"]>;

const STAGE_TEXT: Record<Result["stage"], string> = {
  "too-few": "You have too few reviews for the optimizer yet, so it kept the default parameters. Keep reviewing and try again in a few weeks.",
  "initial-only": "With the reviews you have so far, only the first four parameters (how long a new card is remembered after its first grade) were fitted.",
  full: "All of the parameters were fitted to your reviews.",
};

const fmt = (n: number | undefined) => (n === undefined ? "—" : n.toFixed(4));

function Outcome({ result }: { result: Result }) {
  return (
    <div className="mt-3 text-sm" data-testid="optimizer-result">
      <p>{STAGE_TEXT[result.stage]}</p>
      {result.current && (
        <table className="mt-2 text-left">
          <caption className="sr-only">Current and fitted parameters on your latest reviews</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">Parameters</th>
              <th scope="col" className="pr-4">Log loss</th>
              <th scope="col">RMSE (bins)</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="pr-4 font-normal">In use before</th>
              <td className="pr-4">{fmt(result.current.logLoss)}</td>
              <td>{fmt(result.current.rmseBins)}</td>
            </tr>
            <tr>
              <th scope="row" className="pr-4 font-normal">Fitted</th>
              <td className="pr-4">{fmt(result.fitted?.logLoss)}</td>
              <td>{fmt(result.fitted?.rmseBins)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <p className="mt-2">
        Judged on your latest {result.testItems} reviews, which the fit did not see (fitted on {result.trainItems} earlier ones); lower is better.{" "}
        <strong>{result.applied ? "The fitted parameters predict them better, so they are now in use." : "Nothing changed: the parameters in use stay."}</strong>
      </p>
    </div>
  );
}

export function OptimizerPanel({ initial, monthly: monthlyInitial }: { initial: OptimizerStatus; monthly: boolean }) {
  const [status, setStatus] = useState(initial);
  const [monthly, setMonthly] = useState(monthlyInitial);
  const [error, setError] = useState<string | null>(null);
  const running = status.run?.status === "running";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const res = await apiCall("/api/optimizer");
      if (res.ok) setStatus(optimizerStatusSchema.parse(res.data));
    }, 1000);
    return () => clearInterval(timer);
  }, [running]);

  async function act(url: string, method: "POST" | "PUT", body?: unknown) {
    setError(null);
    const res = await callApi(url, method, body);
    if (res.ok) setStatus(optimizerStatusSchema.parse(res.data));
    else setError(res.message);
  }

  // Offered, not forced: a run at most monthly, started when this page is opened (lib/optimizer/monthly.ts).
  async function setMonthlyRuns(on: boolean) {
    setError(null);
    const res = await callApi("/api/settings", "PUT", { monthlyOptimize: on });
    if (res.ok) setMonthly(on);
    else setError(res.message);
  }

  return (
    <div>
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Fit the scheduler&apos;s memory model to your own review history. It runs in the background; you can keep reviewing meanwhile.
      </p>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={monthly} onChange={(e) => void setMonthlyRuns(e.target.checked)} />
        Run it again every month (when you open this page, 30 days after the last run)
      </label>
      <button type="button" disabled={running} onClick={() => act("/api/optimizer", "POST")} className="mt-2 rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">
        {running ? "Optimizing…" : "Optimize my scheduler"}
      </button>
      {running && (
        <div role="progressbar" aria-label="Optimizer progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((status.run?.progress ?? 0) * 100)} className="mt-2 h-2 w-64 rounded bg-slate-200 dark:bg-slate-700">
          <div className="h-2 rounded bg-sky-600" style={{ width: `${Math.round((status.run?.progress ?? 0) * 100)}%` }} />
        </div>
      )}
      {error && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{error}</p>}
      {status.run?.status === "failed" && <p className="mt-2 text-sm">{status.run.error}</p>}
      {status.run?.status === "done" && status.run.result && <Outcome result={status.run.result} />}
      <div className="mt-3 text-sm">
        <p>
          In use: <strong data-testid="optimizer-active">{status.activeId ? `fitted on ${status.sets.find((s) => s.id === status.activeId)?.createdAt.slice(0, 10) ?? "?"}` : "the default parameters"}</strong>
        </p>
        {status.sets.length > 0 && (
          <ul className="mt-1 space-y-1">
            {status.activeId && (
              <li>
                <button type="button" className="underline" onClick={() => act("/api/optimizer/active", "PUT", { parametersId: null })}>Switch back to the default parameters</button>
              </li>
            )}
            {status.sets.filter((s) => s.id !== status.activeId).map((s) => (
              <li key={s.id}>
                <button type="button" className="underline" onClick={() => act("/api/optimizer/active", "PUT", { parametersId: s.id })}>
                  Use the set fitted on {s.createdAt.slice(0, 10)} (log loss {fmt(s.logLoss)})
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

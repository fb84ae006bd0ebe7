"use client";

// The progress table, one row per student, sortable by any column: the header buttons
// toggle the order, and aria-sort tells screen readers which column sorts and how.
import { useMemo, useState } from "react";
import type { ExamPlan, ProgressRow } from "@/lib/api/classes";
import { formatPercent, plural } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import { AccommodationDialog } from "./accommodation-dialog";

export type TableRow = ProgressRow & {
  /** Exam date mode: the reviews a day this student needs (null: no plan). */
  examPlan: ExamPlan | null;
  dueText: string;
  timeText: string;
  accommodation: { timeFactor: number; extendedDueAt: string | null; text: string };
};

type Key = "name" | "cardsStarted" | "reviews" | "timeSpentSec" | "predictedRecall" | "quizBest" | "quizLast" | "dueAt" | "status";
type Dir = "ascending" | "descending";

const STATUS_ORDER: Record<ProgressRow["status"], number> = { late: 0, behind: 1, "not started": 2, "on track": 3, finished: 4, complete: 5 };

/**
 * The columns, each shown for the kinds it means something for, so a 1280 px laptop shows
 * every column without scrolling (issue 15): a review goal has no quiz scores, a quiz no
 * predicted recall or study time.
 */
const COLUMNS: { key: Key; label: string; short?: string; kinds: readonly ("REVIEW" | "QUIZ")[] }[] = [
  { key: "name", label: "Student", kinds: ["REVIEW", "QUIZ"] },
  { key: "quizBest", label: "Quiz best", kinds: ["QUIZ"] },
  { key: "quizLast", label: "Quiz last", kinds: ["QUIZ"] },
  { key: "cardsStarted", label: "Cards started", short: "Cards", kinds: ["REVIEW", "QUIZ"] },
  { key: "reviews", label: "Reviews", kinds: ["REVIEW", "QUIZ"] },
  { key: "timeSpentSec", label: "Time spent", short: "Time", kinds: ["REVIEW"] },
  { key: "predictedRecall", label: "Predicted recall at due date", short: "Recall at due", kinds: ["REVIEW"] },
  { key: "dueAt", label: "Due", kinds: ["REVIEW", "QUIZ"] },
  { key: "status", label: "Status", kinds: ["REVIEW", "QUIZ"] },
];

function sortValue(r: TableRow, key: Key): string | number {
  switch (key) {
    case "name":
      return r.name.toLocaleLowerCase();
    case "status":
      return STATUS_ORDER[r.status];
    case "dueAt":
      return r.dueAt ? Date.parse(r.dueAt) : Number.POSITIVE_INFINITY;
    case "quizBest":
    case "quizLast":
      return r[key] ?? -1;
    default:
      return r[key];
  }
}

function HeaderCell({ col, sort, onSort }: { col: (typeof COLUMNS)[number]; sort: { key: Key; dir: Dir }; onSort: (key: Key) => void }) {
  const active = sort.key === col.key;
  return (
    <th
      scope="col"
      aria-sort={active ? sort.dir : "none"}
      className={`whitespace-nowrap px-2 py-2 align-bottom ${col.key === "name" ? "sticky left-0 z-10 bg-white dark:bg-slate-900" : ""}`}
    >
      <button type="button" onClick={() => onSort(col.key)} className="inline-flex items-center gap-1 rounded font-semibold hover:underline">
        {col.short ? (
          <>
            <span aria-hidden>{col.short}</span>
            <span className="sr-only">{col.label}</span>
          </>
        ) : (
          col.label
        )}
        <span aria-hidden className="text-xs">{active ? (sort.dir === "ascending" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );
}

export function ProgressTable({ assignmentId, kind, rows, caption }: { assignmentId: string; kind: "REVIEW" | "QUIZ"; rows: TableRow[]; caption: string }) {
  const [sort, setSort] = useState<{ key: Key; dir: Dir }>({ key: "name", dir: "ascending" });
  const sorted = useMemo(() => {
    const sign = sort.dir === "ascending" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      return (x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name)) * sign;
    });
  }, [rows, sort]);

  const onSort = (key: Key) => setSort((s) => ({ key, dir: s.key === key && s.dir === "ascending" ? "descending" : "ascending" }));

  if (rows.length === 0) return <p className="text-sm">No students in this class yet.</p>;
  const columns = COLUMNS.filter((c) => c.kinds.includes(kind));
  const cell = (r: TableRow, key: Key) => {
    switch (key) {
      case "cardsStarted":
        return `${r.cardsStarted} / ${r.cardsTotal}`;
      case "reviews":
        return String(r.reviews);
      case "timeSpentSec":
        return r.timeText;
      case "predictedRecall":
        // Under the recall, the exam plan (lib/classes/exam-plan.ts): reviews a day still needed to reach the
        // target by the due date. In this column, not its own: a 1280 px laptop shows every column (issue 15).
        return (
          <>
            {formatPercent(r.predictedRecall)}
            {r.examPlan && r.examPlan.perDay > 0 && (
              <span data-testid="exam-plan" className="block text-xs text-slate-600 dark:text-slate-400" title={`${plural(r.examPlan.cardsToReview, "card")} to review in ${plural(r.examPlan.daysLeft, "day")}`}>
                <span aria-hidden>+{r.examPlan.perDay}/day</span>
                <span className="sr-only">
                  {r.examPlan.perDay} {r.examPlan.perDay === 1 ? "review" : "reviews"} a day needed to reach the target ({plural(r.examPlan.cardsToReview, "card")} in {plural(r.examPlan.daysLeft, "day")})
                </span>
              </span>
            )}
          </>
        );
      case "quizBest":
      case "quizLast":
        return formatPercent(r[key]);
      case "dueAt":
        return r.dueText;
      default:
        return null;
    }
  };
  const DATA_COL: Partial<Record<Key, string>> = { cardsStarted: "cards", reviews: "reviews", predictedRecall: "recall", quizBest: "quiz-best", quizLast: "quiz-last", dueAt: "due", status: "status", timeSpentSec: "time" };
  const accommodation = (r: TableRow) => (
    <AccommodationDialog assignmentId={assignmentId} kind={kind} student={{ id: r.userId, name: r.name }} timeFactor={r.accommodation.timeFactor} extendedDueAt={r.accommodation.extendedDueAt} />
  );
  return (
    <>
      {/* Laptops and up: the table, the student column sticky when it must scroll. */}
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}. Column headers sort the table.</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              {columns.map((c) => (
                <HeaderCell key={c.key} col={c} sort={sort} onSort={onSort} />
              ))}
              <th scope="col" className="whitespace-nowrap px-2 py-2 align-bottom">
                Accommodation
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.userId} data-testid="progress-row" data-user-id={r.userId} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="sticky left-0 z-10 max-w-[11rem] bg-white px-2 py-2 font-medium dark:bg-slate-900">
                  <span className="block truncate" title={r.name}>
                    {r.name}
                  </span>
                  <span className="block truncate text-xs font-normal text-slate-600 dark:text-slate-400" title={r.email}>
                    {r.email}
                  </span>
                </th>
                {columns.slice(1).map((c) => (
                  <td key={c.key} className="whitespace-nowrap px-2 py-2" data-col={DATA_COL[c.key]}>
                    {c.key === "status" ? <StatusBadge status={r.status} /> : cell(r, c.key)}
                  </td>
                ))}
                <td className="whitespace-nowrap px-2 py-2">
                  <span className="mr-2 text-xs">{r.accommodation.text}</span>
                  {accommodation(r)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Phones: one card per student, every figure labelled. */}
      <ul aria-label={caption} className="space-y-3 md:hidden">
        {sorted.map((r) => (
          <li key={r.userId} data-user-id={r.userId} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="truncate font-medium">{r.name}</p>
                <p className="truncate text-xs text-slate-600 dark:text-slate-400">{r.email}</p>
              </div>
              <StatusBadge status={r.status} />
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              {columns.slice(1, -1).map((c) => (
                <div key={c.key} className="min-w-0">
                  <dt className="text-xs text-slate-600 dark:text-slate-400">{c.label}</dt>
                  <dd className="whitespace-nowrap">{cell(r, c.key)}</dd>
                </div>
              ))}
              <div className="col-span-2">
                <dt className="text-xs text-slate-600 dark:text-slate-400">Accommodation</dt>
                <dd className="flex items-center justify-between gap-2">
                  <span>{r.accommodation.text}</span>
                  {accommodation(r)}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

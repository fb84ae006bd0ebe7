"use client";

// The progress table, one row per student, sortable by any column: the header buttons
// toggle the order, and aria-sort tells screen readers which column sorts and how.
import { useMemo, useState } from "react";
import type { ProgressRow } from "@/lib/api/classes";
import { formatPercent } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import { AccommodationDialog } from "./accommodation-dialog";

export type TableRow = ProgressRow & {
  dueText: string;
  timeText: string;
  accommodation: { timeFactor: number; extendedDueAt: string | null; text: string };
};

type Key = "name" | "cardsStarted" | "reviews" | "timeSpentSec" | "predictedRecall" | "quizBest" | "quizLast" | "dueAt" | "status";
type Dir = "ascending" | "descending";

const STATUS_ORDER: Record<ProgressRow["status"], number> = { late: 0, behind: 1, "not started": 2, "on track": 3, finished: 4, complete: 5 };

const COLUMNS: { key: Key; label: string }[] = [
  { key: "name", label: "Student" },
  { key: "cardsStarted", label: "Cards started" },
  { key: "reviews", label: "Reviews" },
  { key: "timeSpentSec", label: "Time spent" },
  { key: "predictedRecall", label: "Predicted recall at due date" },
  { key: "quizBest", label: "Quiz best" },
  { key: "quizLast", label: "Quiz last" },
  { key: "dueAt", label: "Due" },
  { key: "status", label: "Status" },
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
    <th scope="col" aria-sort={active ? sort.dir : "none"} className="whitespace-nowrap px-2 py-2 align-bottom">
      <button type="button" onClick={() => onSort(col.key)} className="inline-flex items-center gap-1 rounded font-semibold hover:underline">
        {col.label}
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
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}. Column headers sort the table.</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {COLUMNS.map((c) => (
              <HeaderCell key={c.key} col={c} sort={sort} onSort={onSort} />
            ))}
            <th scope="col" className="px-2 py-2 align-bottom">Accommodation</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.userId} data-testid="progress-row" data-user-id={r.userId} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="px-2 py-2 font-medium">
                {r.name}
                <span className="block break-all text-xs font-normal text-slate-600 dark:text-slate-400">{r.email}</span>
              </th>
              <td className="px-2 py-2" data-col="cards">{r.cardsStarted} / {r.cardsTotal}</td>
              <td className="px-2 py-2" data-col="reviews">{r.reviews}</td>
              <td className="px-2 py-2">{r.timeText}</td>
              <td className="px-2 py-2" data-col="recall">{formatPercent(r.predictedRecall)}</td>
              <td className="px-2 py-2" data-col="quiz-best">{formatPercent(r.quizBest)}</td>
              <td className="px-2 py-2" data-col="quiz-last">{formatPercent(r.quizLast)}</td>
              <td className="px-2 py-2">{r.dueText}</td>
              <td className="px-2 py-2" data-col="status">
                <StatusBadge status={r.status} />
              </td>
              <td className="px-2 py-2">
                <span className="mr-2 block text-xs">{r.accommodation.text}</span>
                <AccommodationDialog assignmentId={assignmentId} kind={kind} student={{ id: r.userId, name: r.name }} timeFactor={r.accommodation.timeFactor} extendedDueAt={r.accommodation.extendedDueAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

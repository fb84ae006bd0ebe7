import type { ProgressRow } from "@/lib/api/classes";

const STYLE: Record<ProgressRow["status"], string> = {
  complete: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  finished: "bg-teal-100 text-teal-900 dark:bg-teal-950 dark:text-teal-200",
  "on track": "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  behind: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  late: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  "not started": "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

export function StatusBadge({ status }: { status: ProgressRow["status"] }) {
  return <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>{status}</span>;
}

import { formatDateTime, formatPercent } from "@/app/_components/format";

type AssignmentLike = {
  kind: "REVIEW" | "QUIZ";
  dueAt: Date | null;
  targetRecall: number | null;
  count: number | null;
  timeLimitSec: number | null;
  attempts: number | null;
  opensAt: Date | null;
  closesAt: Date | null;
};

export const kindLabel = (kind: "REVIEW" | "QUIZ") => (kind === "REVIEW" ? "Review goal" : "Quiz");

/** One line saying what the assignment asks, for the teacher. */
export function describeAssignment(a: AssignmentLike, timeZone: string): string {
  if (a.kind === "REVIEW") return `Target recall ${formatPercent(a.targetRecall)} by ${formatDateTime(a.dueAt, timeZone)}`;
  const attempts = a.attempts === null ? "unlimited attempts" : `${a.attempts} attempt${a.attempts === 1 ? "" : "s"}`;
  return `${a.count ?? 10} questions, ${a.timeLimitSec ?? 600} s, ${attempts}; open ${formatDateTime(a.opensAt, timeZone)} – ${formatDateTime(a.closesAt, timeZone)}`;
}

// The one line that says whether the learner's grades are safe on the server.
import type { OutboxStatus } from "./outbox";

const grades = (n: number) => (n === 1 ? "1 grade" : `${n} grades`);

export function saveStatusText(status: OutboxStatus): string {
  const n = status.pending;
  if (n === 0) return "All grades saved";
  if (status.problem?.kind === "unauthenticated") return `You are signed out: ${grades(n)} waiting. Sign in again (in another tab) and they will be saved.`;
  if (!status.online) return `Offline: ${grades(n)} waiting, they will be saved when you reconnect`;
  if (status.problem?.kind === "server") return `Saving ${n}… The server is having trouble; retrying.`;
  return `Saving ${n}…`;
}

export function SaveStatus({ status }: { status: OutboxStatus }) {
  const ok = status.pending === 0;
  return (
    <p role="status" data-testid="save-status" className={`text-sm ${ok ? "text-slate-600 dark:text-slate-300" : status.online ? "text-slate-800 dark:text-slate-100" : "font-medium text-amber-800 dark:text-amber-300"}`}>
      <span aria-hidden className="mr-1">
        {ok ? "✓" : status.online ? "↻" : "⚠"}
      </span>
      {saveStatusText(status)}
    </p>
  );
}

// When an assignment's dates may lie: a due date or a quiz's closing time already past
// would make every student late the moment it is saved (issue 15), so both are refused.
// A window that opened earlier but closes later is fine: the quiz is open now.
import { DomainError } from "@/lib/api/errors";

const formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The dates a request sets (absent = unchanged); `now` is the server's clock. */
export function refusePastDates(dates: { dueAt?: Date | null; closesAt?: Date | null }, now: Date): void {
  const fields: Record<string, string> = {};
  if (dates.dueAt && dates.dueAt <= now) fields.dueAt = `The due date (${formatter.format(dates.dueAt)} UTC) has already passed: choose a date in the future.`;
  if (dates.closesAt && dates.closesAt <= now) fields.closesAt = `The quiz window closes ${formatter.format(dates.closesAt)} UTC, which has already passed: choose a closing time in the future.`;
  const messages = Object.values(fields);
  if (messages.length > 0) throw new DomainError("validation_failed", messages.join(" "), { fields });
}

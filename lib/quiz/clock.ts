// The quiz clock: the one place that says how long an attempt stays open.

/** Seconds after the deadline during which an answer sent in time still counts. */
export const GRACE_SEC = 5;

/** An attempt's deadline as it stands: its own, or the assignment's closing time if that is earlier (a teacher may move it). */
export function effectiveDeadline(deadline: Date, assignmentClosesAt: Date | null | undefined): Date {
  return assignmentClosesAt && assignmentClosesAt < deadline ? assignmentClosesAt : deadline;
}

/** The last moment an answer is accepted. */
export const answersCloseAt = (deadline: Date) => new Date(deadline.getTime() + GRACE_SEC * 1000);

/** An unsubmitted attempt whose deadline is at `now` still takes answers: until the grace has run out too. */
export const stillOpen = (deadline: Date, now: Date) => now <= answersCloseAt(deadline);

/** The same rule for queries: an unsubmitted attempt is still open while its deadline is at or after this instant. */
export const openSince = (now: Date) => new Date(now.getTime() - GRACE_SEC * 1000);

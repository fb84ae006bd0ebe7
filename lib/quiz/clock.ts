// The quiz clock's constants, apart from attempts.ts so modules it imports can share them.

/** Seconds after the deadline during which an answer sent in time still counts. */
export const GRACE_SEC = 5;

/** An attempt's deadline as it stands: its own, or the assignment's closing time if that is earlier (a teacher may move it). */
export function effectiveDeadline(deadline: Date, assignmentClosesAt: Date | null | undefined): Date {
  return assignmentClosesAt && assignmentClosesAt < deadline ? assignmentClosesAt : deadline;
}

/** The last moment an answer is accepted. */
export const answersCloseAt = (deadline: Date) => new Date(deadline.getTime() + GRACE_SEC * 1000);

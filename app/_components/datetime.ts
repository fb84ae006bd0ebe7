// <input type="datetime-local"> speaks the browser's local time without a zone; the API
// wants ISO 8601 with an offset.

const pad = (n: number) => String(n).padStart(2, "0");

/** A date as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as ISO 8601 (UTC); the text itself when it is not a date, so the server names the problem. */
export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : value;
}

/** Now, to the minute (so "opens now" is not a few seconds in the future). */
export function nowToMinute(): Date {
  const d = new Date();
  d.setSeconds(0, 0);
  return d;
}

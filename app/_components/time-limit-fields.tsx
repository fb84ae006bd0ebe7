// The one time-limit control: minutes and seconds, for the student's quiz form and the
// teacher's assignment form alike (issue 15: teachers had to type seconds).
import { Field } from "./ui";

/** Whole seconds from the two fields' text (blank is 0); null when either is not a whole number or seconds > 59. */
export function timeLimitSeconds(minutes: string, seconds: string): number | null {
  const whole = (t: string) => (t.trim() === "" ? 0 : /^\d+$/.test(t.trim()) ? Number(t.trim()) : null);
  const m = whole(minutes);
  const s = whole(seconds);
  return m === null || s === null || s > 59 ? null : m * 60 + s;
}

/** The fields' text for a number of seconds ("" for none). */
export function splitTimeLimit(totalSec: number | null): { minutes: string; seconds: string } {
  return totalSec === null ? { minutes: "", seconds: "" } : { minutes: String(Math.floor(totalSec / 60)), seconds: String(totalSec % 60) };
}

export function TimeLimitFields({ idPrefix, minutes, seconds, onChange, error, hint }: {
  idPrefix: string;
  minutes: string;
  seconds: string;
  onChange: (key: "minutes" | "seconds", value: string) => void;
  error?: string;
  hint: string;
}) {
  const describedBy = [`${idPrefix}-time-hint`, error ? `${idPrefix}-time-error` : ""].filter(Boolean).join(" ");
  return (
    <fieldset className="mb-3" aria-describedby={describedBy}>
      <legend className="mb-1 text-sm font-medium">Time limit</legend>
      <div className="grid max-w-xs grid-cols-2 gap-x-4">
        {(
          [
            { label: "Minutes", key: "minutes", max: 120, value: minutes },
            { label: "Seconds", key: "seconds", max: 59, value: seconds },
          ] as const
        ).map(({ label, key, max, value }) => (
          <Field
            key={key}
            label={label}
            id={`${idPrefix}-${key}`}
            name={key}
            type="number"
            inputMode="numeric"
            min={0}
            max={max}
            value={value}
            onChange={(e) => onChange(key, e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${idPrefix}-time-error` : undefined}
          />
        ))}
      </div>
      {error && (
        <p id={`${idPrefix}-time-error`} className="-mt-2 mb-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <p id={`${idPrefix}-time-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        {hint}
      </p>
    </fieldset>
  );
}

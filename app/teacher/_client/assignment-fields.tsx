"use client";

// The settings of an assignment as form fields, shared by "Assign a deck" and "Edit": a
// review goal's due date and target recall, or a quiz's questions, time limit, attempts
// and window. Values are the inputs' text; the server names what is wrong with them.
import { TimeLimitFields, timeLimitSeconds } from "../../_components/time-limit-fields";
import { Field } from "../../_components/ui";
import { fromLocalInput } from "@/app/_components/datetime";

export type Kind = "REVIEW" | "QUIZ";
export type SettingsValues = { dueAt: string; targetPct: string; count: string; minutes: string; seconds: string; attempts: string; opensAt: string; closesAt: string };

/** A number where the text is one; otherwise the text, so the server names the problem. */
const num = (text: string): number | string => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

/** The API's settings of `kind` from the form's values (target recall: percent to 0–1). */
export function settingsBody(kind: Kind, v: SettingsValues) {
  if (kind === "REVIEW") {
    const pct = num(v.targetPct);
    return { dueAt: fromLocalInput(v.dueAt), targetRecall: typeof pct === "number" ? pct / 100 : pct };
  }
  // Minutes and seconds that are no time at all go as 0: the server names the range.
  return { count: num(v.count), timeLimitSec: timeLimitSeconds(v.minutes, v.seconds) ?? 0, attempts: num(v.attempts), opensAt: fromLocalInput(v.opensAt), closesAt: fromLocalInput(v.closesAt) };
}

/**
 * Problems the form can name in its own terms before asking the server: the target is a
 * percentage here, where the API's message would speak of a fraction.
 */
export function formErrors(kind: Kind, v: SettingsValues): Record<string, string> {
  const pct = num(v.targetPct);
  if (kind === "REVIEW" && (typeof pct !== "number" || pct < 0 || pct > 100)) return { targetRecall: "Enter a target recall from 0 to 100 (%)." };
  return {};
}

export function SettingsFields({ kind, idPrefix, values, onChange, errors }: {
  kind: Kind;
  idPrefix: string;
  values: SettingsValues;
  onChange: (key: keyof SettingsValues, value: string) => void;
  /** Messages by the API's field name. */
  errors?: Record<string, string>;
}) {
  const field = (key: keyof SettingsValues, serverKey: string = key) => ({
    id: `${idPrefix}-${key}`,
    name: key,
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange(key, e.target.value),
    error: errors?.[serverKey],
  });
  return (
    <>
      {kind === "REVIEW" ? (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label="Due" type="datetime-local" {...field("dueAt")} />
          <Field label="Target recall (%)" type="number" inputMode="numeric" min="1" max="100" {...field("targetPct", "targetRecall")} />
        </div>
      ) : (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label="Questions" type="number" inputMode="numeric" min="5" max="50" {...field("count")} />
          <Field label="Attempts allowed" type="number" inputMode="numeric" min="1" max="20" {...field("attempts")} />
          <div className="sm:col-span-2">
            <TimeLimitFields
              idPrefix={idPrefix}
              minutes={values.minutes}
              seconds={values.seconds}
              onChange={onChange}
              error={errors?.timeLimitSec}
              hint="10 seconds to 2 hours, per attempt (an accommodation multiplies it)."
            />
          </div>
          <Field label="Opens" type="datetime-local" {...field("opensAt")} />
          <Field label="Closes" type="datetime-local" {...field("closesAt")} />
        </div>
      )}
      <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">Times are in this browser&apos;s time zone.</p>
    </>
  );
}

"use client";

// Review settings, loaded from and saved to /api/settings. Validation is the server's
// (lib/review/settings.ts): its message is shown as is, so the page and the API can
// never disagree about what is allowed.
import { useEffect, useState } from "react";
import { z } from "zod";
import { errorBodySchema } from "@/lib/api/errors";
import type { ReviewSettings } from "@/lib/learner/settings";
import { Alert, Button, Field } from "../_components/ui";
import { useUnsavedChangesGuard } from "../_components/unsaved-changes";

/** The fields of this form; `monthlyOptimize` is set from the optimizer panel on /stats. */
type Key = Exclude<keyof ReviewSettings, "monthlyOptimize">;
type Values = Record<Key, string>;

const settingsResponseSchema = z.object({
  settings: z.object({
    desiredRetention: z.number(),
    maximumIntervalDays: z.number(),
    learningSteps: z.array(z.string()),
    relearningSteps: z.array(z.string()),
    newPerDay: z.number(),
    reviewsPerDay: z.number(),
    timezone: z.string(),
    rolloverHour: z.number(),
  }),
});

const KEYS: Key[] = ["desiredRetention", "maximumIntervalDays", "learningSteps", "relearningSteps", "newPerDay", "reviewsPerDay", "timezone", "rolloverHour"];

function toValues(s: z.infer<typeof settingsResponseSchema>["settings"]): Values {
  return {
    desiredRetention: String(s.desiredRetention),
    maximumIntervalDays: String(s.maximumIntervalDays),
    learningSteps: s.learningSteps.join(" "),
    relearningSteps: s.relearningSteps.join(" "),
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    timezone: s.timezone,
    rolloverHour: String(s.rolloverHour),
  };
}

/** A number where the text is one; otherwise the text itself, so the server names the problem. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== "" && Number.isFinite(n) ? n : trimmed;
}

function toBody(v: Values): Record<Key, unknown> {
  const steps = (text: string) => text.split(/[\s,]+/).filter(Boolean);
  return {
    desiredRetention: numberOrText(v.desiredRetention),
    maximumIntervalDays: numberOrText(v.maximumIntervalDays),
    learningSteps: steps(v.learningSteps),
    relearningSteps: steps(v.relearningSteps),
    newPerDay: numberOrText(v.newPerDay),
    reviewsPerDay: numberOrText(v.reviewsPerDay),
    timezone: v.timezone.trim(),
    rolloverHour: numberOrText(v.rolloverHour),
  };
}

const fieldsSchema = z.object({ fields: z.record(z.string(), z.string()) });
const isKey = (k: string | undefined): k is Key => KEYS.includes(k as Key);

/**
 * The server's one-sentence message goes above the form; its per-field messages
 * (`fields`, keyed by path such as "learningSteps.1") go next to their inputs.
 */
export function formErrors(message: string, body: unknown): { general: string; fields: Partial<Record<Key, string>> } {
  const fields: Partial<Record<Key, string>> = {};
  for (const [path, text] of Object.entries(fieldsSchema.safeParse(body).data?.fields ?? {})) {
    const key = path.split(".")[0];
    if (isKey(key)) fields[key] = fields[key] && fields[key] !== text ? `${fields[key]}; ${text}` : text;
  }
  return { general: message, fields };
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The zone Intl resolves a name to, so an alias and its canonical name count as the same zone. */
function sameZone(a: string, b: string): boolean {
  try {
    const resolve = (z: string) => new Intl.DateTimeFormat("en-US", { timeZone: z }).resolvedOptions().timeZone;
    return resolve(a) === resolve(b);
  } catch {
    return a === b;
  }
}

export function SettingsForm() {
  const [values, setValues] = useState<Values | null>(null);
  const [savedValues, setSavedValues] = useState<Values | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [error, setError] = useState<{ general: string; fields: Partial<Record<Key, string>> }>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [zones, setZones] = useState<{ browser: string; all: string[] }>({ browser: "", all: [] });

  useEffect(() => {
    let live = true;
    fetch("/api/settings", { cache: "no-store" })
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null);
        if (!live) return;
        const parsed = settingsResponseSchema.safeParse(body);
        if (!res.ok || !parsed.success) {
          setLoadError(errorBodySchema.safeParse(body).data?.error.message ?? "Your settings could not be loaded. Please reload the page.");
          return;
        }
        setValues(toValues(parsed.data.settings));
        setSavedValues(toValues(parsed.data.settings));
        // Zone names come from the browser's own Intl data (client only).
        setZones({ browser: Intl.DateTimeFormat().resolvedOptions().timeZone, all: Intl.supportedValuesOf?.("timeZone") ?? [] });
      })
      .catch(() => live && setLoadError("Could not reach the server. Check your connection and reload the page."));
    return () => {
      live = false;
    };
  }, []);

  useUnsavedChangesGuard(values !== null && savedValues !== null && KEYS.some((k) => values[k] !== savedValues[k]));

  if (loadError) return <Alert>{loadError}</Alert>;
  if (!values) return <p>Loading your settings…</p>;

  const set = (key: Key) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setValues({ ...values, [key]: e.target.value });
    setSaved(false);
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!values) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const res = await fetch("/api/settings", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(toBody(values)) });
      const body: unknown = await res.json().catch(() => null);
      const parsed = settingsResponseSchema.safeParse(body);
      if (!res.ok || !parsed.success) {
        const message = errorBodySchema.safeParse(body).data?.error.message ?? `Saving failed (the server answered ${res.status}). Please try again.`;
        setError(formErrors(message, body));
        return;
      }
      // Show what the server stored (e.g. a time zone with its letter case fixed).
      setValues(toValues(parsed.data.settings));
      setSavedValues(toValues(parsed.data.settings));
      setSaved(true);
    } catch {
      setError({ general: "Could not reach the server. Your settings were not saved.", fields: {} });
    } finally {
      setBusy(false);
    }
  }

  const field = (key: Key) => ({ id: key, name: key, value: values[key], onChange: set(key), error: error?.fields[key] });
  const described = (key: Key) => [`${key}-hint`, error?.fields[key] ? `${key}-error` : ""].filter(Boolean).join(" ");
  const hint = (key: Key, text: string) => (
    <p id={`${key}-hint`} className="-mt-2 mb-3 text-xs text-slate-600 dark:text-slate-400">
      {text}
    </p>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>Not saved: {error.general}</Alert>}
      <Field label="Desired retention" type="number" inputMode="decimal" step="0.01" min="0.7" max="0.99" aria-describedby={described("desiredRetention")} {...field("desiredRetention")} />
      {hint("desiredRetention", "0.70–0.99: how likely you want to be to remember a card when it comes back. Higher means more reviews.")}
      <Field label="Maximum interval (days)" type="number" inputMode="numeric" min="1" max="36500" aria-describedby={described("maximumIntervalDays")} {...field("maximumIntervalDays")} />
      {hint("maximumIntervalDays", "No card waits longer than this.")}
      <Field label="Learning steps" autoComplete="off" aria-describedby={described("learningSteps")} {...field("learningSteps")} />
      {hint("learningSteps", "Separated by spaces, e.g. “1m 10m” (m minutes, h hours, d days).")}
      <Field label="Relearning steps" autoComplete="off" aria-describedby={described("relearningSteps")} {...field("relearningSteps")} />
      {hint("relearningSteps", "Steps after you forget a card, e.g. “10m”.")}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="New cards per day" type="number" inputMode="numeric" min="0" max="9999" aria-describedby={described("newPerDay")} {...field("newPerDay")} />
        <Field label="Reviews per day" type="number" inputMode="numeric" min="0" max="9999" aria-describedby={described("reviewsPerDay")} {...field("reviewsPerDay")} />
      </div>
      <Field label="Time zone" list="timezones" autoComplete="off" aria-describedby={described("timezone")} {...field("timezone")} />
      <datalist id="timezones">
        {zones.all.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <p id="timezone-hint" className="-mt-2 mb-3 text-xs text-slate-600 dark:text-slate-400">
        An IANA name such as “Europe/Berlin”.
        {zones.browser && !sameZone(zones.browser, values.timezone) && (
          <>
            {" "}This browser is in {zones.browser}.{" "}
            <button type="button" className="font-medium text-sky-800 underline dark:text-sky-300" onClick={() => { setValues({ ...values, timezone: zones.browser }); setSaved(false); }}>
              Use {zones.browser}
            </button>
          </>
        )}
      </p>
      <div className="mb-3">
        <label htmlFor="rolloverHour" className="mb-1 block text-sm font-medium">
          New day starts at
        </label>
        <select
          id="rolloverHour"
          name="rolloverHour"
          value={values.rolloverHour}
          onChange={set("rolloverHour")}
          aria-invalid={error?.fields.rolloverHour ? true : undefined}
          aria-describedby={described("rolloverHour")}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        >
          {HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {String(h).padStart(2, "0")}:00
            </option>
          ))}
        </select>
        {error?.fields.rolloverHour && (
          <p id="rolloverHour-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error.fields.rolloverHour}
          </p>
        )}
        <p id="rolloverHour-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Reviewing after midnight still counts as the evening before until this hour.
        </p>
      </div>
      <div className="mt-4 flex items-center gap-4">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save settings"}
        </Button>
        <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">
          {saved ? "Saved" : ""}
        </p>
      </div>
    </form>
  );
}

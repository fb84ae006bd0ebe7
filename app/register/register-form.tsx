"use client";

import { signIn } from "next-auth/react";
import { useState, useSyncExternalStore } from "react";
import { apiCall, jsonRequest } from "../_components/api-call";
import { Alert, Button, Field } from "../_components/ui";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

/** The browser's IANA zone, so a new account's review day turns over at the learner's own night. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

// A teacher invitation comes as /register#invite=<token>: the fragment reaches no server (logs, Referer).
const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};
const inviteOfHash = () => new URLSearchParams(window.location.hash.slice(1)).get("invite") ?? "";

/** `teacherSignupOpen`: the operator opened teacher sign-up (TEACHER_SIGNUP=open); otherwise the role is offered only with an invitation. */
export function RegisterForm({ callbackUrl, teacherSignupOpen }: { callbackUrl: string; teacherSignupOpen: boolean }) {
  const invitation = useSyncExternalStore(subscribe, inviteOfHash, () => "");
  const offerTeacher = teacherSignupOpen || invitation !== "";
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const role = String(form.get("role") ?? "STUDENT");
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role,
      timezone: browserTimeZone(),
      // The invitation is what makes a teacher account: sent only with that choice.
      ...(role === "TEACHER" && invitation ? { invitation } : {}),
    };
    setBusy(true);
    setError(undefined);
    setFields({});
    const res = await apiCall("/api/register", jsonRequest("POST", body));
    if (!res.ok) {
      setBusy(false);
      setError(res.message);
      // A taken email is a conflict about the email field too.
      setFields({ ...res.fields, ...(res.status === 409 ? { email: res.message } : {}) } as FieldErrors);
      return;
    }
    const signed = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    // A full page load, so the server renders the layout with the new session.
    window.location.assign(signed?.error ? "/signin" : callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>{error}</Alert>}
      <Field label="Name" id="name" name="name" autoComplete="name" required error={fields.name} />
      <Field label="Email" id="email" name="email" type="email" autoComplete="email" required error={fields.email} />
      <Field label="Password (at least 10 characters)" id="password" name="password" type="password" autoComplete="new-password" minLength={10} required error={fields.password} />
      {offerTeacher && (
        <fieldset className="mb-4">
          <legend className="mb-1 text-sm font-medium">I am a</legend>
          {invitation && <p className="mb-1 text-sm text-slate-700 dark:text-slate-300">You were invited to register as a teacher.</p>}
          <label className="mr-4 inline-flex items-center gap-2">
            <input type="radio" name="role" value="STUDENT" defaultChecked={!invitation} /> Student
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="role" value="TEACHER" defaultChecked={!!invitation} /> Teacher
          </label>
        </fieldset>
      )}
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert, Button, Field } from "../_components/ui";

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role: String(form.get("role") ?? "STUDENT"),
    };
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetch("/api/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) {
        const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(data?.error?.message ?? "Registration failed. Please try again.");
        return;
      }
      const signed = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      // A full page load, so the server renders the layout with the new session.
      const next = signed?.error ? "/signin" : callbackUrl;
      window.location.assign(next);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>{error}</Alert>}
      <Field label="Name" id="name" name="name" autoComplete="name" required />
      <Field label="Email" id="email" name="email" type="email" autoComplete="email" required />
      <Field label="Password (at least 10 characters)" id="password" name="password" type="password" autoComplete="new-password" minLength={10} required />
      <fieldset className="mb-4">
        <legend className="mb-1 text-sm font-medium">I am a</legend>
        <label className="mr-4 inline-flex items-center gap-2">
          <input type="radio" name="role" value="STUDENT" defaultChecked /> Student
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="role" value="TEACHER" /> Teacher
        </label>
      </fieldset>
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}

"use client";

// The token comes in the URL's fragment (#token=…), which browsers never send to a server:
// it stays out of logs and Referer headers. It is read here and posted with the new password.
import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { apiCall, jsonRequest } from "../_components/api-call";
import { Alert, Button, Field, textLink } from "../_components/ui";

const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};
const tokenOfHash = () => new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";

export function ResetPasswordForm() {
  const token = useSyncExternalStore(subscribe, tokenOfHash, () => null);
  const [error, setError] = useState<{ message: string; password?: string; confirm?: string }>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  // First: once used, the token is gone from the address bar.
  if (done) {
    return (
      <div role="status">
        <p className="mb-3 font-medium text-green-800 dark:text-green-300">Your password is changed. Every device that was signed in has been signed out.</p>
        <Link className={textLink} href="/signin">Sign in with your new password</Link>
      </div>
    );
  }
  if (token === null) return <p>Loading…</p>;
  if (!token) {
    return <Alert>This page needs the reset link you were given: open the whole link again (it ends with “#token=…”).</Alert>;
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      const message = "The two passwords are not the same.";
      setError({ message, confirm: message });
      return;
    }
    setBusy(true);
    setError(undefined);
    const res = await apiCall("/api/password-reset", jsonRequest("POST", { token, password }));
    setBusy(false);
    if (!res.ok) {
      setError({ message: res.message, password: res.fields.password });
      return;
    }
    // The token is spent: drop it from the address bar and history.
    window.history.replaceState(null, "", window.location.pathname);
    setDone(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>{error.message}</Alert>}
      <Field label="New password (at least 10 characters)" id="password" name="password" type="password" autoComplete="new-password" minLength={10} required error={error?.password} />
      <Field label="New password again" id="confirm" name="confirm" type="password" autoComplete="new-password" required error={error?.confirm} />
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}

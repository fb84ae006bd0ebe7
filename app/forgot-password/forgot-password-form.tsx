"use client";

import { useState } from "react";
import { apiCall, jsonRequest } from "../_components/api-call";
import { Alert, Button, Field } from "../_components/ui";

export function ForgotPasswordForm() {
  const [error, setError] = useState<{ message: string; email?: string }>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "");
    setBusy(true);
    setError(undefined);
    const res = await apiCall("/api/password-reset/request", jsonRequest("POST", { email }));
    setBusy(false);
    if (!res.ok) {
      setError({ message: res.message, email: res.fields.email });
      return;
    }
    setDone("If an account uses this email, a reset link is on its way. It works once, for one hour.");
  }

  if (done) return <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">{done}</p>;
  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>{error.message}</Alert>}
      <Field label="Email" id="email" name="email" type="email" autoComplete="email" required error={error?.email} />
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Sending…" : "Email me a reset link"}
      </Button>
    </form>
  );
}

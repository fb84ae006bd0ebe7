"use client";

// Name and email, and the password: each its own form, saved through /api/account.
import { useState } from "react";
import { apiCall, jsonRequest } from "../_components/api-call";
import { Alert, Button, Field } from "../_components/ui";
import { useUnsavedChangesGuard } from "../_components/unsaved-changes";

type Errors = { message: string; fields: Record<string, string> };

function Saved({ text }: { text: string }) {
  return <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">{text}</p>;
}

export function AccountForm({ initial }: { initial: { name: string; email: string } }) {
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<Errors>();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  useUnsavedChangesGuard(values.name !== saved.name || values.email !== saved.email);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const patch: Partial<typeof values> = {};
    if (values.name !== saved.name) patch.name = values.name;
    if (values.email !== saved.email) patch.email = values.email;
    if (Object.keys(patch).length === 0) {
      setStatus("Nothing to save");
      return;
    }
    setBusy(true);
    setError(undefined);
    setStatus("");
    const res = await apiCall("/api/account", jsonRequest("PATCH", patch));
    setBusy(false);
    if (!res.ok) {
      setError({ message: res.message, fields: res.fields });
      return;
    }
    const account = res.data as { account: { name: string; email: string } };
    setSaved(account.account);
    setValues(account.account);
    setStatus("Saved");
  }

  const set = (key: "name" | "email") => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues({ ...values, [key]: e.target.value });
    setStatus("");
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>Not saved: {error.message}</Alert>}
      <Field label="Name" id="account-name" name="name" autoComplete="name" value={values.name} onChange={set("name")} error={error?.fields.name} />
      <Field label="Email" id="account-email" name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={error?.fields.email} />
      <div className="mt-4 flex items-center gap-4">
        <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save name and email"}</Button>
        <Saved text={status} />
      </div>
    </form>
  );
}

export function PasswordForm() {
  const [error, setError] = useState<Errors>();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  useUnsavedChangesGuard(touched);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    if (newPassword !== String(data.get("confirmPassword") ?? "")) {
      const message = "The two new passwords are not the same.";
      setError({ message, fields: { confirmPassword: message } });
      return;
    }
    setBusy(true);
    setError(undefined);
    setStatus("");
    const res = await apiCall("/api/account/password", jsonRequest("PUT", { currentPassword, newPassword }));
    setBusy(false);
    if (!res.ok) {
      setError({ message: res.message, fields: res.fields });
      return;
    }
    form.reset();
    setTouched(false);
    setStatus("Password changed. Other devices were signed out.");
  }

  return (
    <form onSubmit={onSubmit} onChange={() => { setTouched(true); setStatus(""); }} noValidate>
      {error && <Alert>Not changed: {error.message}</Alert>}
      <Field label="Current password" id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" error={error?.fields.currentPassword} />
      <Field label="New password (at least 10 characters)" id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={10} error={error?.fields.newPassword} />
      <Field label="New password again" id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" error={error?.fields.confirmPassword} />
      <div className="mt-4 flex items-center gap-4">
        <Button type="submit" disabled={busy}>{busy ? "Changing…" : "Change password"}</Button>
        <Saved text={status} />
      </div>
    </form>
  );
}

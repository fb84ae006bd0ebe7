"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Field, SecondaryButton } from "../../_components/ui";
import { callApi } from "@/app/_components/api-call";

export function RenameClassForm({ classId, name }: { classId: string; name: string }) {
  const router = useRouter();
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const res = await callApi(`/api/classes/${classId}`, "PATCH", { name: value });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md">
      {error && <Alert>{error}</Alert>}
      <Field
        label="Class name"
        id="rename-class"
        name="name"
        value={value}
        maxLength={100}
        autoComplete="off"
        onChange={(e) => {
          setValue(e.target.value);
          setSaved(false);
        }}
      />
      <div className="flex items-center gap-3">
        <SecondaryButton type="submit" disabled={busy || value.trim() === name}>
          {busy ? "Saving…" : "Rename"}
        </SecondaryButton>
        <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">
          {saved ? "Renamed" : ""}
        </p>
      </div>
    </form>
  );
}

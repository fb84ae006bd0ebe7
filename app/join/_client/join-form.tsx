"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Alert, Button, Field } from "../../_components/ui";
import { callApi } from "@/app/_components/api-call";

const joinedSchema = z.object({ class: z.object({ id: z.string() }) });

export function JoinForm({ initialCode }: { initialCode: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const res = await callApi("/api/classes/join", "POST", { code });
    if (!res.ok) {
      setBusy(false);
      setError(res.message);
      return;
    }
    const joined = joinedSchema.safeParse(res.data);
    router.push(joined.success ? `/?joined=${joined.data.class.id}` : "/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <Alert>{error}</Alert>}
      <Field
        label="Class code"
        id="code"
        name="code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="ABCD-EFGH"
        maxLength={20}
        required
        aria-describedby="code-hint"
      />
      <p id="code-hint" className="-mt-2 mb-3 text-xs text-slate-600 dark:text-slate-400">
        Eight letters and digits from your teacher; capitals and the dash are optional.
      </p>
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Joining…" : "Join class"}
      </Button>
    </form>
  );
}

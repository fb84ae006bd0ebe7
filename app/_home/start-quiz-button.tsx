"use client";

// Starts an assigned quiz (the server checks the window and the attempt limit, and sets the
// deadline) and opens it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Alert, Button } from "@/app/_components/ui";
import { callApi } from "@/app/_components/api-call";

const startedSchema = z.object({ attempt: z.object({ id: z.string() }) });

export function StartQuizButton({ assignmentId, deckTitle }: { assignmentId: string; deckTitle: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function start() {
    setBusy(true);
    setError(undefined);
    const res = await callApi("/api/quiz/attempts", "POST", { assignmentId });
    const started = res.ok ? startedSchema.safeParse(res.data) : null;
    if (!res.ok || !started?.success) {
      setBusy(false);
      setError(res.ok ? "The quiz could not be started. Please reload the page." : res.message);
      if (!res.ok && res.status === 409) router.refresh();
      return;
    }
    router.push(`/quiz/${started.data.attempt.id}`);
  }

  return (
    <div>
      {error && <Alert>{error}</Alert>}
      <Button type="button" onClick={() => void start()} disabled={busy} aria-label={`Start quiz: ${deckTitle}`}>
        {busy ? "Starting…" : "Start quiz"}
      </Button>
    </div>
  );
}

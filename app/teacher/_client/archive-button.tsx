"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, SecondaryButton } from "../../_components/ui";
import { callApi, refusalOr } from "@/app/_components/api-call";
import { ConfirmButton } from "@/app/_components/confirm-button";

export function ArchiveButton({ classId, archived }: { classId: string; archived: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set = (value: boolean) => refusalOr(callApi(`/api/classes/${classId}`, "PATCH", { archived: value }), () => router.refresh());

  if (!archived) {
    return (
      <ConfirmButton
        label="Archive class"
        title="Archive this class?"
        description="Students no longer see it or its assignments, and its code stops working. You can unarchive it later; nothing is deleted."
        confirmLabel="Archive"
        danger={false}
        onConfirm={() => set(true)}
      />
    );
  }
  return (
    <div>
      {error && <Alert>{error}</Alert>}
      <SecondaryButton
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(await set(false));
          setBusy(false);
        }}
      >
        Unarchive class
      </SecondaryButton>
    </div>
  );
}

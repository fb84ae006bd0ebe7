"use client";

// The deck page's learner actions on one card: open its card info, unsuspend it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "../../_components/api-call";
import { CardInfo } from "../../_components/card-info";
import { NativeDialog } from "../../_components/native-dialog";

const small =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

export function CardInfoButton({ cardId, subject }: { cardId: string; subject: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={small} onClick={() => setOpen(true)}>
        Card info<span className="sr-only">: {subject}</span>
      </button>
      {open && (
        <NativeDialog title="Card info" onClose={() => setOpen(false)}>
          <CardInfo cardId={cardId} />
        </NativeDialog>
      )}
    </>
  );
}

export function UnsuspendButton({ cardId, subject }: { cardId: string; subject: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const unsuspend = async () => {
    setState({ busy: true, error: null });
    const res = await callApi(`/api/cards/${encodeURIComponent(cardId)}/controls`, "PATCH", { suspended: false });
    if (!res.ok) return setState({ busy: false, error: res.message });
    router.refresh();
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className={small} disabled={state.busy} onClick={() => void unsuspend()}>
        Unsuspend<span className="sr-only">: {subject}</span>
      </button>
      {state.error && <span role="alert" className="text-sm text-red-700 dark:text-red-300">{state.error}</span>}
    </span>
  );
}

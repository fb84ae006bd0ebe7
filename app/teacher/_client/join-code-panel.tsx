"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { SecondaryButton } from "../../_components/ui";
import { callApi, refusalOr } from "@/app/_components/api-call";
import { ConfirmButton } from "@/app/_components/confirm-button";

const noSubscription = () => () => {};

export function JoinCodePanel({ classId, code, expires, archived }: { classId: string; code: string; expires: string; archived: boolean }) {
  const router = useRouter();
  const [copied, setCopied] = useState<string>("");
  // The address the teacher is using is the one students can reach (whatever proxy is in
  // front); the server render shows the path until the browser fills in the origin.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const link = `${origin}/join?code=${encodeURIComponent(code)}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("Join link copied.");
    } catch {
      setCopied("Could not copy: select the link and copy it yourself.");
    }
  }

  return (
    <div>
      <p className="mb-2">
        Join code: <code data-testid="join-code" className="rounded bg-slate-100 px-1.5 py-0.5 text-lg font-semibold tracking-wider dark:bg-slate-800">{code}</code>
      </p>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        {archived ? "The class is archived: the code works again once you unarchive it." : `Valid until ${expires}.`}
      </p>
      <label htmlFor="join-link" className="mb-1 block text-sm font-medium">
        Join link
      </label>
      <div className="mb-2 flex flex-wrap gap-2">
        <input
          id="join-link"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        />
        <SecondaryButton type="button" onClick={() => void copy()}>
          Copy link
        </SecondaryButton>
        <ConfirmButton
          label="New code"
          title="Make a new join code?"
          description="The current code and link stop working at once. Students already in the class stay in it."
          confirmLabel="Make a new code"
          danger={false}
          onConfirm={() =>
            refusalOr(callApi(`/api/classes/${classId}/code`, "POST"), () => {
              setCopied("");
              router.refresh();
            })
          }
        />
      </div>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">{copied}</p>
    </div>
  );
}

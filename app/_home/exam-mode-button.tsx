"use client";

// Exam date mode on a student's review assignment (docs/api.md, "Exam date mode"): on, after
// saying what it does; off in one click.
import { useRouter } from "next/navigation";
import { callApi, refusalOr } from "@/app/_components/api-call";
import { ConfirmButton } from "@/app/_components/confirm-button";

export function ExamModeButton({ assignmentId, deckTitle, on }: { assignmentId: string; deckTitle: string; on: boolean }) {
  const router = useRouter();
  const url = `/api/assignments/${assignmentId}/exam-mode`;
  if (on) {
    return (
      <ConfirmButton
        label="Turn off exam mode"
        accessibleLabel={`Turn off exam mode for ${deckTitle}`}
        title={`Turn off exam mode for ${deckTitle}?`}
        description="Cards of this deck go back to your own desired retention from their next review."
        confirmLabel="Turn off"
        danger={false}
        onConfirm={() => refusalOr(callApi(url, "DELETE"), () => router.refresh())}
      />
    );
  }
  return (
    <ConfirmButton
      label="Exam mode"
      accessibleLabel={`Exam mode for ${deckTitle}`}
      title={`Exam mode for ${deckTitle}`}
      description="Until the due date, cards of this deck are scheduled for a higher recall: they come back sooner, so you review more of them each day. It ends by itself at the due date."
      confirmLabel="Turn on"
      danger={false}
      onConfirm={() => refusalOr(callApi(url, "PUT"), () => router.refresh())}
    />
  );
}

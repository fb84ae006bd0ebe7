"use client";

import { useRouter } from "next/navigation";
import { callApi, refusalOr } from "@/app/_components/api-call";
import { ConfirmButton } from "@/app/_components/confirm-button";

export function DeleteAssignmentButton({ assignmentId, classId }: { assignmentId: string; classId: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Delete assignment"
      title="Delete this assignment?"
      description="Students stop seeing it and its accommodations are deleted. Students' own reviews and quiz attempts are kept."
      confirmLabel="Delete"
      onConfirm={() =>
        refusalOr(callApi(`/api/assignments/${assignmentId}`, "DELETE"), () => {
          router.push(`/teacher/classes/${classId}`);
          router.refresh();
        })
      }
    />
  );
}
